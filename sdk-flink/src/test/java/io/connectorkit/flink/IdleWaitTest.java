package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The idle reader's waits: from 1 ms, doubling up to 100 ms, short again after a record; on a thread of their own. */
class IdleWaitTest {

    @Test
    void theWaitDoublesUpToItsLongestAndIsShortAgainAfterARecord() throws Exception {
        try (IdleWait wait = new IdleWait("test idle wait")) {
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                waits.add(wait.nextMillis());
                long started = System.nanoTime();
                wait.start().get(5, TimeUnit.SECONDS); // completes by itself
                assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(waits.get(i)),
                        "the future completes once its wait has passed, not before");
            }

            assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 100L, 100L), waits);
            wait.reset();
            assertEquals(1L, wait.nextMillis());
        }
    }

    @Test
    void oneThreadOfItsOwnEndsTheWaitsAndCloseEndsIt() throws Exception {
        IdleWait wait = new IdleWait("test idle wait 2");
        assertEquals(List.of(), threadsNamed("test idle wait 2"), "no thread before the first wait");
        for (int i = 0; i < 5; i++) {
            wait.start().get(5, TimeUnit.SECONDS);
        }
        List<Thread> threads = threadsNamed("test idle wait 2");
        assertEquals(1, threads.size(), "one thread for every wait: " + threads);
        assertTrue(threads.get(0).isDaemon());

        wait.close();
        threads.get(0).join(5_000);
        assertFalse(threads.get(0).isAlive(), "close() ends the thread");
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).toList();
    }
}
