package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The idle reader's waits: from 1 ms, doubling up to 100 ms, short again after a record. */
class IdleWaitTest {

    @Test
    void theWaitDoublesUpToItsLongestAndIsShortAgainAfterARecord() throws Exception {
        IdleWait wait = new IdleWait();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(wait.nextMillis());
            wait.start().get(5, TimeUnit.SECONDS); // completes by itself
        }

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 100L, 100L), waits);
        wait.reset();
        assertEquals(1L, wait.nextMillis());
    }
}
