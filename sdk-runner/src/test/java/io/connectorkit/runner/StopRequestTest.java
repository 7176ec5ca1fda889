package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StopRequest}'s states, with a halt that records instead of halting and a grace timer run by hand. */
class StopRequestTest {

    private final List<Integer> halts = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<Runnable> graceTasks = new ArrayList<>();
    private final List<Duration> graceDelays = new ArrayList<>();
    private final StopRequest stop = new StopRequest(halts::add, (delay, task) -> {
        graceDelays.add(delay);
        graceTasks.add(task);
    });

    @Test
    void withoutARunningJobASignalHaltsAtOnceWith128PlusItsNumber() {
        stop.signalled("SIGTERM", 15);

        assertEquals(List.of(143), halts);
        assertFalse(stop.isRequested());
    }

    @Test
    void theFirstSignalRequestsTheStopWithoutHaltingAndStartsTheGracePeriod() throws Exception {
        stop.begin(Duration.ofMillis(1234), messages::add);

        stop.signalled("SIGINT", 2);

        assertTrue(stop.isRequested());
        assertTrue(stop.await(Duration.ZERO), "a retry pause ends at once");
        assertEquals("SIGINT", stop.signal());
        assertEquals(List.of(), halts);
        assertEquals(List.of(Duration.ofMillis(1234)), graceDelays);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("connectorkit: SIGINT: stopping"), messages.get(0));
    }

    @Test
    void aSecondSignalHaltsWithItsOwnCode() {
        stop.begin(Duration.ofSeconds(30), messages::add);
        stop.signalled("SIGTERM", 15);

        stop.signalled("SIGINT", 2);

        assertEquals(List.of(130), halts);
        assertTrue(messages.get(1).contains("SIGINT during the stop: exiting at once with code 130; no final "
                + "checkpoint was saved"), messages.get(1));
        stop.signalled("SIGTERM", 15);
        assertEquals(List.of(130), halts, "halting already: a third signal changes nothing");
    }

    @Test
    void theGracePeriodPassingHaltsWithTheFirstSignalsCode() {
        stop.begin(Duration.ofMillis(500), messages::add);
        stop.signalled("SIGTERM", 15);

        graceTasks.get(0).run();

        assertEquals(List.of(143), halts);
        assertTrue(messages.get(1).contains("the stop took longer than --stop-grace-ms 500"), messages.get(1));
    }

    @Test
    void onceTheJobIsOverNeitherTheGracePeriodNorASignalHalts() {
        stop.begin(Duration.ofMillis(500), messages::add);
        stop.signalled("SIGTERM", 15);

        stop.end();
        graceTasks.get(0).run();
        stop.signalled("SIGINT", 2);

        assertEquals(List.of(), halts);
        assertEquals(1, messages.size(), messages.toString());
    }

    @Test
    void aJobThatEndsUnsignalledWasNeverAskedToStop() throws Exception {
        stop.begin(Duration.ofMillis(500), messages::add);
        stop.end();

        assertFalse(stop.isRequested());
        assertFalse(stop.await(Duration.ZERO));
        assertNull(stop.signal());
        assertEquals(List.of(), graceTasks);
    }
}
