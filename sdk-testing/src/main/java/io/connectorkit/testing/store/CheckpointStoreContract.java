package io.connectorkit.testing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.StoreOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link CheckpointStore} passes: strictly increasing generations and their history, retention,
 * exact round trips of every field, checksums, audits and rewinds, deletes (of a job, and of one partition, after
 * which the partition's generations restart at 1), the {@code savedBefore} trace, the id, checkpoint and size checks
 * with their messages, concurrent saves, and, for stores shared between instances, one writer per job. The stores of
 * Connector Kit (in memory, file, JDBC on H2 and PostgreSQL, S3 on s3proxy) pass it.
 *
 * <h2>Extending it</h2>
 * A store author writes a JUnit 5 test class that extends this one and implements {@link #newStore}: it opens a new
 * instance of the store on this test's storage. Storage is fresh for each test (a {@code @TempDir} field, a table
 * named in a {@code @BeforeEach}, a new map), and two calls within one test are two instances on the same storage:
 * that is how the contract reopens a store and checks that a second writer is refused. Every store opened is closed
 * after each test. Two hooks may be overridden:
 * <ul>
 *   <li>{@link #persistent()}: {@code false} for a store whose checkpoints live in the instance (in memory); the
 *       checks of sharing between instances and of writer locks are then left out;</li>
 *   <li>{@link #awaitBackgroundWork}: waits for what a store finishes after a save returned (the file store prunes
 *       old generations on a thread of its own).</li>
 * </ul>
 * The contract uses only the public API of {@code io.connectorkit.store}; a store written elsewhere checks its
 * arguments with {@link io.connectorkit.store.StoreRules} and seals what it saves with
 * {@link CheckpointEnvelope#seal} to pass it.
 * <pre>{@code
 * class MyStoreContractTest extends CheckpointStoreContract {
 *     @TempDir
 *     Path dir;
 *
 *     @Override
 *     protected CheckpointStore newStore(StoreOptions options) {
 *         return new MyStore(dir, options);
 *     }
 * }
 * }</pre>
 *
 * <p>One instance per test method, as JUnit 5 makes by default; not thread-safe. Longer than 350 lines on purpose:
 * one test per clause of the contract, all in the one class a store author extends.
 */
public abstract class CheckpointStoreContract {

    /** The job most tests use. */
    protected static final String JOB = "job-1";
    /** The partition most tests use. */
    protected static final String PART = "p0";
    /** The component id most tests save with. */
    protected static final String COMPONENT = "acme::orders-input";

    private final List<CheckpointStore> opened = new ArrayList<>();

    /** For subclasses. */
    protected CheckpointStoreContract() {
    }

    /**
     * Opens a new instance of the store under test on this test's storage: empty at a test's first call, and shared
     * by every instance opened during the test.
     */
    protected abstract CheckpointStore newStore(StoreOptions options);

    /**
     * Whether checkpoints outlive the store instance and other instances see them, so that writers of a job exclude
     * each other; {@code true} unless overridden ({@code false} for an in-memory store).
     */
    protected boolean persistent() {
        return true;
    }

    /**
     * Waits for what {@code store} finishes in the background after a save returned, such as deleting the
     * generations beyond the retention; does nothing unless overridden.
     */
    protected void awaitBackgroundWork(CheckpointStore store) {
    }

    /** A store from {@link #newStore}, closed after the test. */
    protected final CheckpointStore open(StoreOptions options) {
        CheckpointStore store = newStore(options);
        opened.add(store);
        return store;
    }

    /** {@link #open(StoreOptions)} with {@link StoreOptions#DEFAULTS}. */
    protected final CheckpointStore open() {
        return open(StoreOptions.DEFAULTS);
    }

    /**
     * Closes the stores this test opened; runs after each test. A subclass that drops the test's storage in an
     * {@code @AfterEach} of its own calls it first (it runs before this one); a second call does nothing.
     */
    @AfterEach
    protected final void closeStores() {
        for (CheckpointStore store : opened) {
            store.close();
        }
        opened.clear();
    }

    /** {@code {"$checkpoint": {"offset": n, "__version": 2}}}. */
    protected static JsonObject offset(long n) {
        return Json.createObjectBuilder().add("$checkpoint",
                Json.createObjectBuilder().add("offset", n).add("__version", 2)).build();
    }

    /** A checkpoint of version 3 exercising every JSON type, escapes, non-ASCII text and number forms. */
    protected static JsonObject richCheckpoint() {
        return Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()
                .add("zeta", "last key first")
                .add("text", "quote \" backslash \\ tab \t newline \n unicode é 日本 \uD83D\uDE00 nul \u0000")
                .add("decimal", new BigDecimal("1.50"))
                .add("big", new BigDecimal("12345678901234567890.000001"))
                .add("exp", new BigDecimal("1E+10"))
                .add("negative", -42)
                .add("flags", Json.createArrayBuilder().add(true).add(false).addNull())
                .add("nested", Json.createObjectBuilder().add("b", 1).add("a", Json.createArrayBuilder()))
                .add("__version", 3)).build();
    }

    /** The compact JSON text of {@code json}; its length in UTF-8 bytes is what {@code sizeBytes} counts. */
    private static String text(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString();
    }

    @Test
    void savedBeforeIsTrueFromTheFirstSaveUntilTheJobIsDeleted() {
        CheckpointStore store = open();
        assertFalse(store.savedBefore(JOB, PART));
        store.lockForWriting(JOB);
        assertFalse(store.savedBefore(JOB, PART), "claiming the job is not saving a checkpoint");
        store.save(JOB, PART, COMPONENT, offset(1));
        assertTrue(store.savedBefore(JOB, PART));
        assertFalse(store.savedBefore(JOB, "other"));
        assertFalse(store.savedBefore("other-job", PART));
        store.delete(JOB);
        assertFalse(store.savedBefore(JOB, PART), "an operator's delete removes the trace with the checkpoints");
        store.save(JOB, PART, COMPONENT, offset(2));
        assertTrue(store.savedBefore(JOB, PART));
        if (persistent()) {
            assertTrue(open().savedBefore(JOB, PART), "another instance sees it");
        }
    }

    @Test
    void listsTheJobsThatHaveCheckpoints() {
        CheckpointStore store = open();
        assertEquals(List.of(), store.jobs());
        store.save("job-b", PART, COMPONENT, offset(1));
        store.save("job-a", "other", COMPONENT, offset(1));
        store.save("job-b", "other", COMPONENT, offset(2));
        assertEquals(List.of("job-a", "job-b"), store.jobs());
        store.delete("job-a");
        assertEquals(List.of("job-b"), store.jobs());
    }

    @Test
    void nothingSavedMeansEmpty() {
        CheckpointStore store = open();
        assertEquals(Optional.empty(), store.loadLatest(JOB, PART));
        assertEquals(Optional.empty(), store.load(JOB, PART, 1));
        assertEquals(List.of(), store.history(JOB, PART));
    }

    @Test
    void envelopeRoundTripsEveryFieldAndTheCheckpointExactly() {
        CheckpointStore store = open();
        Instant before = Instant.now().minusSeconds(1);
        CheckpointEnvelope saved = store.save(JOB, PART, COMPONENT, richCheckpoint());

        assertEquals(JOB, saved.job());
        assertEquals(PART, saved.partition());
        assertEquals(1, saved.generation());
        assertEquals(COMPONENT, saved.componentId());
        assertEquals(3, saved.version(), "version comes from $checkpoint.__version");
        assertNull(saved.audit());
        assertTrue(saved.createdAt().isAfter(before), saved.createdAt() + " should be recent");
        assertTrue(saved.checksum().matches("[0-9a-f]{64}"), "SHA-256 hex, got " + saved.checksum());
        assertTrue(saved.verify());

        CheckpointEnvelope loaded = store.loadLatest(JOB, PART).orElseThrow();
        assertEquals(saved, loaded);
        assertEquals(text(richCheckpoint()), text(loaded.checkpoint()),
                "the $checkpoint JSON text must come back exactly");
        assertEquals(saved, store.load(JOB, PART, 1).orElseThrow());
        if (persistent()) {
            assertEquals(saved, open().loadLatest(JOB, PART).orElseThrow(), "another instance reads it back");
        }
    }

    @Test
    void versionIsOneWithoutVersionField() {
        JsonObject unversioned = Json.createObjectBuilder()
                .add("$checkpoint", Json.createObjectBuilder().add("offset", 7)).build();
        CheckpointEnvelope saved = open().save(JOB, PART, COMPONENT, unversioned);
        assertEquals(1, saved.version());
    }

    @Test
    void checksumCoversMetadataNotJustContent() {
        CheckpointEnvelope saved = open().save(JOB, PART, COMPONENT, offset(1));
        CheckpointEnvelope otherComponent = new CheckpointEnvelope(saved.job(), saved.partition(),
                saved.generation(), saved.createdAt(), "someone-else", saved.version(), saved.checkpoint(),
                saved.checksum(), saved.audit());
        CheckpointEnvelope otherGeneration = new CheckpointEnvelope(saved.job(), saved.partition(), 2,
                saved.createdAt(), saved.componentId(), saved.version(), saved.checkpoint(), saved.checksum(),
                saved.audit());
        assertFalse(otherComponent.verify());
        assertFalse(otherGeneration.verify());
    }

    @Test
    void generationsStrictlyIncreaseAndHistoryListsThemOldestFirst() {
        CheckpointStore store = open();
        List<CheckpointEnvelope> saved = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            saved.add(store.save(JOB, PART, COMPONENT, offset(i * 100)));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), saved.stream().map(CheckpointEnvelope::generation).toList());
        List<CheckpointInfo> history = store.history(JOB, PART);
        assertEquals(saved.stream().map(CheckpointEnvelope::info).toList(), history);
        for (int i = 1; i < history.size(); i++) {
            assertFalse(history.get(i).createdAt().isBefore(history.get(i - 1).createdAt()));
        }
        assertEquals(text(offset(500)).length(), history.get(4).sizeBytes());
        assertEquals(offset(300), store.load(JOB, PART, 3).orElseThrow().checkpoint());
        assertEquals(offset(500), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
    }

    @Test
    void concurrentSavesGetDistinctGenerations() throws Exception {
        CheckpointStore store = open(StoreOptions.DEFAULTS.withRetention(100));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> generations = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        generations.add(store.save(JOB, PART, COMPONENT, offset(thread * 100 + i)).generation());
                    }
                    return generations;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                List<Long> mine = f.get();
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(mine.get(i) > mine.get(i - 1), "a thread's generations increase: " + mine);
                }
                all.addAll(mine);
            }
            assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), all.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retentionKeepsTheLastGenerations() {
        CheckpointStore store = open(StoreOptions.DEFAULTS.withRetention(3));
        for (int i = 1; i <= 7; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        awaitBackgroundWork(store);
        assertEquals(List.of(5L, 6L, 7L), store.history(JOB, PART).stream().map(CheckpointInfo::generation).toList());
        assertEquals(Optional.empty(), store.load(JOB, PART, 4));
        assertEquals(7, store.loadLatest(JOB, PART).orElseThrow().generation());
        assertEquals(8, store.save(JOB, PART, COMPONENT, offset(8)).generation(), "pruning never reuses numbers");
    }

    @Test
    void partitionsAndJobsAreIndependent() {
        CheckpointStore store = open();
        store.save(JOB, "p1", COMPONENT, offset(11));
        store.save(JOB, "p1", COMPONENT, offset(12));
        store.save(JOB, "p2", COMPONENT, offset(21));
        store.save("job-2", "p1", COMPONENT, offset(99));
        assertEquals(2, store.loadLatest(JOB, "p1").orElseThrow().generation());
        assertEquals(offset(21), store.loadLatest(JOB, "p2").orElseThrow().checkpoint());
        assertEquals(1, store.loadLatest(JOB, "p2").orElseThrow().generation());
        assertEquals(offset(99), store.loadLatest("job-2", "p1").orElseThrow().checkpoint());
    }

    @Test
    void deleteRemovesEveryPartitionOfTheJobOnly() {
        CheckpointStore store = open();
        store.save(JOB, "p1", COMPONENT, offset(1));
        store.save(JOB, "p2", COMPONENT, offset(2));
        store.save("other-job", "p1", COMPONENT, offset(3));
        store.delete(JOB);
        assertEquals(Optional.empty(), store.loadLatest(JOB, "p1"));
        assertEquals(Optional.empty(), store.loadLatest(JOB, "p2"));
        assertEquals(List.of(), store.history(JOB, "p1"));
        assertEquals(offset(3), store.loadLatest("other-job", "p1").orElseThrow().checkpoint());
        store.delete("never-saved");
        assertEquals(offset(4), store.save(JOB, "p1", COMPONENT, offset(4)).checkpoint());
    }

    @Test
    void deletingAPartitionLeavesTheOtherPartitionsAndJobsAsTheyAre() {
        CheckpointStore store = open();
        store.save(JOB, "p1", COMPONENT, offset(1));
        store.save(JOB, "p1", COMPONENT, offset(2));
        CheckpointEnvelope p2 = store.save(JOB, "p2", COMPONENT, offset(3));
        CheckpointEnvelope plan = store.save(JOB, "_plan", COMPONENT, offset(4));
        CheckpointEnvelope otherJob = store.save("other-job", "p1", COMPONENT, offset(5));

        store.delete(JOB, "p1");

        assertEquals(Optional.empty(), store.loadLatest(JOB, "p1"));
        assertEquals(Optional.empty(), store.load(JOB, "p1", 2));
        assertEquals(List.of(), store.history(JOB, "p1"));
        assertFalse(store.savedBefore(JOB, "p1"), "a delete through the store is not a loss behind its back");
        assertEquals(p2, store.loadLatest(JOB, "p2").orElseThrow());
        assertEquals(plan, store.loadLatest(JOB, "_plan").orElseThrow());
        assertTrue(store.savedBefore(JOB, "p2"));
        assertEquals(otherJob, store.loadLatest("other-job", "p1").orElseThrow());
        assertEquals(List.of("job-1", "other-job"), store.jobs(), "the job keeps its other partitions");
        if (persistent()) {
            CheckpointStore reader = open();
            assertEquals(List.of(), reader.history(JOB, "p1"), "another instance sees the delete");
            assertEquals(p2, reader.loadLatest(JOB, "p2").orElseThrow());
        }

        store.delete(JOB, "p2");
        store.delete(JOB, "_plan");
        assertEquals(List.of("other-job"), store.jobs(), "a job without partitions left is no longer listed");
    }

    /**
     * After {@code delete(job, partition)} the partition's next save is generation 1 again, as after
     * {@code delete(job)}: a store cannot remember the numbers of generations it no longer has. The other partitions'
     * numbers go on.
     */
    @Test
    void savingAPartitionAgainAfterItsDeleteRestartsAtGenerationOne() {
        CheckpointStore store = open(StoreOptions.DEFAULTS.withRetention(2));
        for (int i = 1; i <= 5; i++) {
            store.save(JOB, "p1", COMPONENT, offset(i));
        }
        store.save(JOB, "p2", COMPONENT, offset(20));

        store.delete(JOB, "p1"); // while old generations may still be being pruned

        CheckpointEnvelope again = store.save(JOB, "p1", COMPONENT, offset(6));
        assertEquals(1, again.generation());
        assertEquals(2, store.save(JOB, "p2", COMPONENT, offset(21)).generation(), "other partitions go on");
        awaitBackgroundWork(store);
        assertEquals(List.of(again.info()), store.history(JOB, "p1"), "nothing of before the delete is left");
        assertEquals(again, store.loadLatest(JOB, "p1").orElseThrow());
        assertTrue(store.savedBefore(JOB, "p1"));
        assertEquals(2, store.save(JOB, "p1", COMPONENT, offset(7)).generation());
    }

    @Test
    void deletingAPartitionWithoutCheckpointsDoesNothing() {
        CheckpointStore store = open();
        store.delete("never-saved", PART);
        CheckpointEnvelope saved = store.save(JOB, PART, COMPONENT, offset(1));

        store.delete(JOB, "never");
        store.delete(JOB, "never");

        assertEquals(saved, store.loadLatest(JOB, PART).orElseThrow());
        assertEquals(List.of(JOB), store.jobs());
        assertEquals(List.of(), store.history(JOB, "never"));
        assertFalse(store.savedBefore(JOB, "never"));
        assertEquals(2, store.save(JOB, PART, COMPONENT, offset(2)).generation());
    }

    @Test
    void deletingAPartitionOfAJobAnotherWriterHoldsIsRefused() {
        Assumptions.assumeTrue(persistent(), "only stores shared between instances have writer locks");
        CheckpointStore first = open();
        CheckpointStore second = open();
        CheckpointEnvelope saved = first.save(JOB, PART, COMPONENT, offset(1));

        CheckpointStoreException refused = assertThrows(CheckpointStoreException.class,
                () -> second.delete(JOB, PART));
        assertTrue(refused.getMessage().contains("job '" + JOB + "' is locked by another writer"),
                refused.getMessage());
        assertEquals(saved, second.loadLatest(JOB, PART).orElseThrow(), "nothing deleted");
        assertTrue(second.savedBefore(JOB, PART));

        first.close();
        assertThrows(CheckpointStoreException.class, () -> first.delete(JOB, PART), "a closed store does not write");
        second.delete(JOB, PART);
        assertEquals(Optional.empty(), second.loadLatest(JOB, PART));
    }

    @Test
    void rewindIsANewAuditedGenerationThatCanBeUndone() {
        CheckpointStore store = open();
        Clock clock = Clock.systemUTC();
        store.save(JOB, PART, COMPONENT, offset(10));
        store.save(JOB, PART, COMPONENT, offset(20));
        store.save(JOB, PART, COMPONENT, offset(30));

        CheckpointEnvelope rewound = store.rewind(JOB, PART, 1, "alice", clock);
        assertEquals(4, rewound.generation());
        assertEquals(offset(10), rewound.checkpoint());
        assertEquals("alice", rewound.audit().by());
        assertEquals("rewind --to 1", rewound.audit().action());
        assertEquals(rewound, store.loadLatest(JOB, PART).orElseThrow());
        assertEquals(rewound.audit(), store.history(JOB, PART).get(3).audit());

        CheckpointEnvelope undone = store.rewind(JOB, PART, 3, "bob", clock);
        assertEquals(offset(30), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
        assertEquals("bob", undone.audit().by());

        CheckpointStoreException missing = assertThrows(CheckpointStoreException.class,
                () -> store.rewind(JOB, PART, 42, "alice", clock));
        assertTrue(missing.getMessage().contains("generation 42"), missing.getMessage());
    }

    @Test
    void auditRoundTrips() {
        CheckpointStore store = open();
        Audit audit = new Audit("carol", "edit offset=5", Instant.parse("2026-01-02T03:04:05.123456789Z"));
        CheckpointEnvelope saved = store.save(JOB, PART, COMPONENT, offset(5), audit);
        assertEquals(audit, saved.audit());
        assertEquals(saved, store.loadLatest(JOB, PART).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../x", "/abs", "a/b", "a\\b", "a b", "a\u0000b", "tab\t", "é",
            "C:x", "a\nb"})
    void invalidIdsAreRejectedEverywhere(String bad) {
        CheckpointStore store = open();
        List<Consumer<String>> jobUses = List.of(
                id -> store.save(id, PART, COMPONENT, offset(1)),
                id -> store.loadLatest(id, PART),
                id -> store.load(id, PART, 1),
                id -> store.history(id, PART),
                store::delete,
                id -> store.delete(id, PART),
                store::lockForWriting);
        for (Consumer<String> use : jobUses) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> use.accept(bad));
            assertTrue(e.getMessage().contains("invalid job id"), e.getMessage());
        }
        List<Consumer<String>> partitionUses = List.of(
                id -> store.save(JOB, id, COMPONENT, offset(1)),
                id -> store.loadLatest(JOB, id),
                id -> store.load(JOB, id, 1),
                id -> store.history(JOB, id),
                id -> store.delete(JOB, id));
        for (Consumer<String> use : partitionUses) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> use.accept(bad));
            assertTrue(e.getMessage().contains("invalid partition id"), e.getMessage());
            if (bad.chars().allMatch(c -> c >= 0x20)) {
                assertTrue(e.getMessage().contains("'" + bad + "'"), "names the id: " + e.getMessage());
            }
        }
    }

    @Test
    void overlongIdsAreRejectedAndTheLongestAccepted() {
        CheckpointStore store = open();
        String longest = "a".repeat(128);
        store.save(longest, longest, COMPONENT, offset(1));
        assertEquals(offset(1), store.loadLatest(longest, longest).orElseThrow().checkpoint());
        assertThrows(IllegalArgumentException.class, () -> store.save("a".repeat(129), PART, COMPONENT, offset(1)));
        store.save("A.b_c-9", "...", COMPONENT, offset(2));
        assertEquals(offset(2), store.loadLatest("A.b_c-9", "...").orElseThrow().checkpoint());
    }

    @Test
    void malformedCheckpointsAreRejected() {
        CheckpointStore store = open();
        List<JsonObject> malformed = List.of(
                Json.createObjectBuilder().add("offset", 1).build(),
                Json.createObjectBuilder().add("$checkpoint", 1).build(),
                Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()).add("extra", 1).build(),
                Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder().add("__version", "2")).build(),
                Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder().add("__version", 0)).build());
        for (JsonObject checkpoint : malformed) {
            assertThrows(IllegalArgumentException.class, () -> store.save(JOB, PART, COMPONENT, checkpoint),
                    checkpoint::toString);
        }
        assertThrows(IllegalArgumentException.class, () -> store.save(JOB, PART, " ", offset(1)));
        assertEquals(Optional.empty(), store.loadLatest(JOB, PART));
    }

    @Test
    void checkpointsOverTheSizeLimitAreRejectedClearly() {
        CheckpointStore store = open(StoreOptions.DEFAULTS.withMaxCheckpointBytes(100));
        JsonObject big = Json.createObjectBuilder().add("$checkpoint",
                Json.createObjectBuilder().add("blob", "x".repeat(200))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.save(JOB, PART, COMPONENT, big));
        assertTrue(e.getMessage().contains("limit of 100 bytes") && e.getMessage().contains(JOB), e.getMessage());
        assertEquals(Optional.empty(), store.loadLatest(JOB, PART));
        store.save(JOB, PART, COMPONENT, offset(1));
    }

    @Test
    void aSecondWriterOfTheSameJobIsRefusedUntilTheFirstCloses() {
        Assumptions.assumeTrue(persistent(), "only stores shared between instances have writer locks");
        CheckpointStore first = open();
        CheckpointStore second = open();
        first.save(JOB, PART, COMPONENT, offset(1));

        CheckpointStoreException refused = assertThrows(CheckpointStoreException.class,
                () -> second.save(JOB, PART, COMPONENT, offset(2)));
        assertTrue(refused.getMessage().contains("job '" + JOB + "' is locked by another writer"),
                refused.getMessage());
        assertThrows(CheckpointStoreException.class, () -> second.lockForWriting(JOB));
        assertThrows(CheckpointStoreException.class, () -> second.delete(JOB));
        assertEquals(offset(1), second.loadLatest(JOB, PART).orElseThrow().checkpoint(), "reads need no lock");
        second.save("another-job", PART, COMPONENT, offset(3));

        first.close();
        assertEquals(2, second.save(JOB, PART, COMPONENT, offset(2)).generation());
        assertThrows(CheckpointStoreException.class, () -> first.save(JOB, PART, COMPONENT, offset(9)),
                "a closed store does not write");
    }
}
