package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.fixtures.Feed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An infinite input ({@code test/feed}, checkpoint interval 1000 records): a null record means "nothing now", and an
 * idle call delivers the state when it is a safe point that changed; {@code backlog()} calls {@code @Backlog}.
 */
class InfiniteInputTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();
    private final List<CheckpointState> delivered = new ArrayList<>();
    private Input input;
    private Feed feed;

    @BeforeEach
    void start() {
        input = manager.findMapper("test", "feed", 1, Map.of()).orElseThrow().create();
        input.start(delivered::add);
        feed = Feed.lastCreated;
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private List<Long> positions() {
        return delivered.stream().map(state -> state.state().getJsonNumber("position").longValue()).toList();
    }

    @Test
    void anIdleCallDeliversTheStateCoveringEveryRecordReturned() {
        feed.pending.addAll(List.of(1L, 2L, 3L));
        assertEquals(1L, input.next());
        assertEquals(2L, input.next());
        assertEquals(3L, input.next());
        assertEquals(List.of(), positions(), "fewer records than the interval: no checkpoint yet");
        assertNull(input.next());
        assertEquals(List.of(3L), positions());
        assertTrue(input.infinite());
    }

    @Test
    void anIdleCallWithoutChangeDeliversNothingMore() {
        feed.pending.add(5L);
        input.next();
        input.next();
        input.next();
        input.next();
        assertEquals(List.of(5L), positions());
    }

    @Test
    void aPositionMovedWhileIdleIsDelivered() {
        assertNull(input.next());
        feed.idleHead = 40;
        assertNull(input.next());
        assertEquals(List.of(0L, 40L), positions());
        input.checkpointCommitted(delivered.get(1)); // it was handed out: committing it is accepted
    }

    @Test
    void nothingIsDeliveredWhileIdleAwayFromASafePoint() {
        feed.pending.add(7L);
        input.next();
        feed.safe = false;
        assertNull(input.next());
        assertEquals(List.of(), positions());
        feed.safe = true;
        assertNull(input.next());
        assertEquals(List.of(7L), positions());
    }

    @Test
    void inExplicitModeAnIdleCallMakesAChangedStateReadyWhateverTheInterval() {
        Input explicit = explicitInput();
        Feed explicitFeed = Feed.lastCreated;
        explicitFeed.pending.addAll(List.of(1L, 2L));
        assertEquals(1L, explicit.next());
        assertEquals(2L, explicit.next());
        assertFalse(explicit.isCheckpointReady(), "2 records of an interval of 1000");
        assertNull(explicit.next());
        assertTrue(explicit.isCheckpointReady(), "idle at a safe point, with a state never handed out");
        assertEquals(2L, explicit.getCheckpoint().state().getJsonNumber("position").longValue());
        assertFalse(explicit.isCheckpointReady(), "taken: no longer ready");
        assertNull(explicit.next());
        assertFalse(explicit.isCheckpointReady(), "idle again, nothing moved");
        explicitFeed.idleHead = 9;
        assertNull(explicit.next());
        assertTrue(explicit.isCheckpointReady(), "idle, the position moved");
        assertEquals(9L, explicit.getCheckpoint().state().getJsonNumber("position").longValue());
        explicit.stop();
    }

    @Test
    void inExplicitModeAnIdleCallAwayFromASafePointMakesNothingReady() {
        Input explicit = explicitInput();
        Feed explicitFeed = Feed.lastCreated;
        explicitFeed.pending.add(3L);
        explicit.next();
        explicitFeed.safe = false;
        assertNull(explicit.next());
        assertFalse(explicit.isCheckpointReady());
        explicitFeed.safe = true;
        explicitFeed.pending.add(4L);
        assertEquals(4L, explicit.next());
        assertFalse(explicit.isCheckpointReady(), "a record came: the interval counts again");
        explicit.stop();
    }

    private Input explicitInput() {
        Input explicit = manager.findMapper("test", "feed", 1, Map.of()).orElseThrow().create();
        explicit.start();
        return explicit;
    }

    @Test
    void theBacklogComesFromTheBacklogMethod() {
        feed.head = 100;
        feed.pending.add(30L);
        input.next();
        assertEquals(70L, input.backlog());
        assertEquals("bytes", input.backlogUnit());
    }

    @Test
    void aFailingBacklogMethodFailsTheInputNamingIt() {
        feed.head = -1;
        ComponentException error = assertThrows(ComponentException.class, input::backlog);
        assertTrue(error.getMessage().startsWith("test/feed: @Backlog backlog() failed"), error.getMessage());
        assertThrows(IllegalStateException.class, input::next);
    }

    @Test
    void aFiniteInputHasNoBacklogAndEndsAtNull() {
        Input counter = manager.findMapper("test", "counter", 1, Map.of("total", "1")).orElseThrow().create();
        counter.start(state -> { });
        assertFalse(counter.infinite());
        assertEquals(-1L, counter.backlog());
        assertNull(counter.backlogUnit());
        counter.stop();
    }
}
