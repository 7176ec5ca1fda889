package io.connectorkit.store;

import static io.connectorkit.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.DeferredCheckpoints;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncCheckpointWriterTest {

    private static final String JOB = "job";
    private static final String PART = "p";
    private static final AsyncCheckpointWriter.RetryPolicy FAST_RETRY =
            new AsyncCheckpointWriter.RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4));

    /** An in-memory store whose saves can be held at a gate and made to fail. */
    static final class ControlledStore extends ForwardingCheckpointStore {
        ControlledStore() {
            super(new InMemoryCheckpointStore());
        }

        final CountDownLatch firstSaveEntered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                       Audit audit) {
            attempts.incrementAndGet();
            firstSaveEntered.countDown();
            try {
                assertTrue(gate.await(30, TimeUnit.SECONDS), "gate never opened");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new CheckpointStoreException("disk full (injected)");
            }
            return super.save(job, partition, componentId, checkpoint, audit);
        }
    }

    @Test
    void checkpointsSubmittedDuringASaveAreCoalescedAndTheLatestIsNeverLost() throws Exception {
        ControlledStore store = new ControlledStore();
        store.gate = new CountDownLatch(1);
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).start()) {
            writer.submit("c", offset(0));
            assertTrue(store.firstSaveEntered.await(30, TimeUnit.SECONDS));
            for (int i = 1; i < 1000; i++) {
                writer.submit("c", offset(i));
            }
            store.gate.countDown();
            writer.flush();
            assertEquals(offset(999), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
            assertEquals(offset(999), writer.lastSaved().orElseThrow().checkpoint());
            assertEquals(2, store.attempts.get(), "the first, then only the newest of the 999 that queued up");
        }
    }

    @Test
    void aCheckpointStateIsTurnedIntoJsonOnlyWhenItIsSaved() throws Exception {
        ControlledStore store = new ControlledStore();
        store.gate = new CountDownLatch(1);
        AtomicInteger built = new AtomicInteger();
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).start()) {
            writer.submit("c", deferred(0, built));
            assertTrue(store.firstSaveEntered.await(30, TimeUnit.SECONDS));
            for (int i = 1; i < 1000; i++) {
                writer.submit("c", deferred(i, built));
            }
            store.gate.countDown();
            writer.flush();
            assertEquals(offset(999), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
            assertEquals(2, built.get(), "only the two saved were built; the 998 replaced while waiting never were");
        }
    }

    @Test
    void aCheckpointStateThatCannotBeBuiltFailsWithoutRetries() {
        ControlledStore store = new ControlledStore();
        AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY).start();
        writer.submit("c", DeferredCheckpoints.deferred(1, () -> {
            throw new IllegalStateException("codec bug");
        }));
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, writer::flush);
        assertTrue(e.getMessage().contains("could not be turned into JSON: codec bug"), e.getMessage());
        assertEquals(0, store.attempts.get(), "the store was never asked to save it");
        writer.submit("c", CheckpointState.fromJson(offset(2)));
        writer.close();
        assertEquals(offset(2), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
    }

    private static CheckpointState deferred(int offset, AtomicInteger built) {
        return DeferredCheckpoints.deferred(2, () -> {
            built.incrementAndGet();
            return offset(offset);
        });
    }

    @Test
    void savesStartAtLeastThePauseApartAndOnlyTheNewestSubmittedMeanwhileIsSaved() throws Exception {
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<JsonObject> saved = new CopyOnWriteArrayList<>();
        CheckpointStore store = new ForwardingCheckpointStore(new InMemoryCheckpointStore()) {
            @Override
            public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                           Audit audit) {
                starts.add(System.nanoTime());
                saved.add(checkpoint);
                return super.save(job, partition, componentId, checkpoint, audit);
            }
        };
        Duration pause = Duration.ofSeconds(1);
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY)
                .minPause(pause).start()) {
            writer.submit("c", offset(1));
            awaitSize(saved, 1);
            for (int i = 2; i <= 50; i++) {
                writer.submit("c", offset(i));
            }
            awaitSize(saved, 2);
            assertEquals(List.of(offset(1), offset(50)), saved);
            assertTrue(starts.get(1) - starts.get(0) >= pause.toNanos(),
                    "the second save started " + (starts.get(1) - starts.get(0)) / 1_000_000 + " ms after the first");
        }
    }

    @Test
    void flushAndCloseSaveAtOnceWithoutWaitingForThePause() {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY)
                .minPause(Duration.ofHours(1)).start();
        writer.submit("c", offset(1));
        writer.flush();
        writer.submit("c", offset(2));
        assertTimeoutPreemptively(Duration.ofSeconds(30), writer::flush, "flush waited for the hour-long pause");
        assertEquals(offset(2), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
        writer.submit("c", offset(3));
        assertTimeoutPreemptively(Duration.ofSeconds(30), writer::close, "close waited for the hour-long pause");
        assertEquals(offset(3), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
    }

    @Test
    void aNegativePauseIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AsyncCheckpointWriter.builder(new InMemoryCheckpointStore(), JOB, PART).retry(FAST_RETRY)
                        .minPause(Duration.ofMillis(-1)));
        assertEquals("minPause must not be negative, got PT-0.001S", e.getMessage());
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size) {
            assertTrue(System.nanoTime() < deadline, "still " + list.size() + " saves after 30 s, expected " + size);
            Thread.sleep(5);
        }
    }

    @Test
    void flushReturnsOnlyOnceTheSaveReturned() throws Exception {
        ControlledStore store = new ControlledStore();
        store.gate = new CountDownLatch(1);
        List<CheckpointEnvelope> heard = new CopyOnWriteArrayList<>();
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY)
                .onSaved(saved -> {
                    assertEquals(Optional.of(saved), store.loadLatest(JOB, PART), "reported only when in the store");
                    heard.add(saved);
                }).start()) {
            writer.submit("c", offset(1));
            CompletableFuture<Void> flushed = CompletableFuture.runAsync(writer::flush);
            assertTrue(store.firstSaveEntered.await(30, TimeUnit.SECONDS));
            assertFalse(flushed.isDone(), "the save is held at the gate, so flush cannot have returned");
            assertEquals(Optional.empty(), writer.lastSaved());
            store.gate.countDown();
            flushed.get(30, TimeUnit.SECONDS);
            assertEquals(offset(1), writer.lastSaved().orElseThrow().checkpoint());
            assertEquals(1, heard.size());
        }
    }

    @Test
    void aSaveThatKeepsFailingIsReportedByFlushAndClose() {
        ControlledStore store = new ControlledStore();
        store.failuresLeft.set(Integer.MAX_VALUE);
        AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY).start();
        writer.submit("c", offset(1));
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, writer::flush);
        assertTrue(e.getMessage().contains("disk full (injected)") && e.getMessage().contains("job 'job'"),
                e.getMessage());
        assertEquals(3, store.attempts.get(), "bounded retries");
        assertThrows(CheckpointStoreException.class, writer::close);
        assertThrows(IllegalStateException.class, () -> writer.submit("c", offset(2)));
    }

    @Test
    void aTransientFailureIsRetriedAndALaterSuccessClearsAFailure() {
        ControlledStore store = new ControlledStore();
        store.failuresLeft.set(2);
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY)
                .start()) {
            writer.submit("c", offset(1));
            writer.flush();
            assertEquals(3, store.attempts.get());
            assertEquals(offset(1), store.loadLatest(JOB, PART).orElseThrow().checkpoint());

            store.failuresLeft.set(3);
            writer.submit("c", offset(2));
            assertThrows(CheckpointStoreException.class, writer::flush);
            writer.submit("c", offset(3));
            writer.flush();
            assertEquals(offset(3), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
        }
    }

    @Test
    void anInvalidCheckpointIsNotRetried() {
        ControlledStore store = new ControlledStore();
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).retry(FAST_RETRY)
                .start()) {
            writer.submit("c", Json.createObjectBuilder().add("not-a-checkpoint", 1).build());
            CheckpointStoreException e = assertThrows(CheckpointStoreException.class, writer::flush);
            assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
            assertEquals(1, store.attempts.get());
            writer.submit("c", offset(1));
        }
        assertEquals(offset(1), store.loadLatest(JOB, PART).orElseThrow().checkpoint(), "close flushed");
    }

    @Test
    void closeFlushesWhatWasSubmitted() {
        ControlledStore store = new ControlledStore();
        AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PART).start();
        for (int i = 1; i <= 50; i++) {
            writer.submit("c", offset(i));
        }
        writer.close();
        assertEquals(offset(50), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
        assertEquals(offset(50), writer.lastSaved().orElseThrow().checkpoint());
        writer.close();
    }

    @Test
    void flushWithNothingSubmittedReturnsAtOnce() {
        try (AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(new ControlledStore(), JOB, PART).start()) {
            writer.flush();
            assertEquals(Optional.empty(), writer.lastSaved());
        }
    }

    @Test
    void aSubmitAfterTheWriterThreadDiedFailsInsteadOfBeingDropped() throws Exception {
        ForwardingCheckpointStore dying = new ForwardingCheckpointStore(new InMemoryCheckpointStore()) {
            @Override
            public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                           Audit audit) {
                throw new OutOfMemoryError("injected");
            }
        };
        AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(dying, JOB, PART).start();
        writer.submit("c", offset(1));
        assertThrows(CheckpointStoreException.class, writer::flush, "the thread died saving it");
        CheckpointStoreException refused = assertThrows(CheckpointStoreException.class,
                () -> writer.submit("c", offset(2)));
        assertTrue(refused.getMessage().contains("writer thread stopped"), refused.getMessage());
        assertThrows(CheckpointStoreException.class, writer::close);
    }
}
