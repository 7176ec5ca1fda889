package io.connectorkit.store;

import static io.connectorkit.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.FileStoreFaults.Step;
import io.connectorkit.testsupport.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The file store's crash, corruption and fault-injection behaviour. (It passes the store contract in sdk-testing's
 * {@code FileCheckpointStoreContractTest}.)
 */
class FileCheckpointStoreTest {

    private static final String JOB = "job-1";
    private static final String PART = "p0";
    private static final String COMPONENT = "acme::orders-input";

    @TempDir
    Path root;

    /** The step whose every call fails, or {@code null}. */
    private volatile Step failAt;
    private final FileStoreFaults.FaultyOps ops = new FileStoreFaults.FaultyOps(step -> step == failAt);
    private final List<FileCheckpointStore> opened = new ArrayList<>();

    private FileCheckpointStore open(StoreOptions options) {
        FileCheckpointStore store = new FileCheckpointStore(root, options, ops, Clock.systemUTC());
        opened.add(store);
        return store;
    }

    private FileCheckpointStore open() {
        return open(StoreOptions.DEFAULTS);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(FileCheckpointStore::close);
    }

    @BeforeEach
    void noFaults() {
        failAt = null;
    }

    private Path partitionDir() {
        return root.resolve(JOB).resolve("partitions").resolve(PART);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(partitionDir())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void layoutIsOneFilePerGenerationUnderTheJobsFolder() throws IOException {
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        store.save(JOB, PART, COMPONENT, offset(2));
        assertEquals(List.of("checkpoint-00000000000000000001.json", "checkpoint-00000000000000000002.json"), files());
        assertTrue(Files.exists(root.resolve(JOB).resolve(".lock")));
        String text = Files.readString(partitionDir().resolve(FileCheckpointStore.fileName(2)));
        assertTrue(text.startsWith("{\"format\":\"connectorkit-checkpoint/1\",\"job\":\"job-1\""), text);
    }

    @Test
    void newestTruncatedAtEveryLengthFallsBackToThePreviousGenerationWithAWarning() throws IOException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, Checkpoints.rich());
        store.save(JOB, PART, "other", offset(2), new Audit("alice", "edit", Instant.now()));
        Path newest = partitionDir().resolve(FileCheckpointStore.fileName(2));
        byte[] bytes = Files.readAllBytes(newest);
        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            for (int length = 0; length < bytes.length; length++) {
                Files.write(newest, java.util.Arrays.copyOf(bytes, length));
                log.clear();
                assertEquals(first, store.loadLatest(JOB, PART).orElseThrow(), "truncated to " + length + " bytes");
                assertEquals(1, log.warnings().size(), "one warning at length " + length);
                assertTrue(log.warnings().get(0).contains(partitionDir().toString())
                        && log.warnings().get(0).contains(newest.getFileName().toString()), log.warnings().get(0));
            }
        }
        Files.write(newest, bytes);
        assertEquals(2, store.loadLatest(JOB, PART).orElseThrow().generation(), "the intact file is valid again");
    }

    @Test
    void newestWithAnyByteFlippedFallsBackToThePreviousGeneration() throws IOException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        CheckpointEnvelope second = store.save(JOB, PART, COMPONENT, Checkpoints.rich(),
                new Audit("alice", "rewind --to 1", Instant.now()));
        Path newest = partitionDir().resolve(FileCheckpointStore.fileName(2));
        byte[] bytes = Files.readAllBytes(newest);
        List<String> harmless = new java.util.ArrayList<>();
        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            for (int mask : new int[] {0x01, 0x20, 0x80}) {
                for (int offset = 0; offset < bytes.length; offset++) {
                    byte[] damaged = bytes.clone();
                    damaged[offset] ^= (byte) mask;
                    Files.write(newest, damaged);
                    log.clear();
                    CheckpointEnvelope loaded = store.loadLatest(JOB, PART).orElseThrow();
                    String where = "byte " + offset + " ('" + (char) bytes[offset] + "') xor " + mask;
                    if (loaded.equals(second)) {
                        // JSON spells some values two ways (an exponent's 'E' or 'e'): such a flip decodes to
                        // exactly what was saved, so nothing was lost and using it is right.
                        harmless.add(where);
                        continue;
                    }
                    assertEquals(first, loaded, where);
                    assertEquals(1, log.warnings().size());
                }
            }
        }
        assertEquals(List.of("byte " + (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .indexOf("1E+10") + 1) + " ('E') xor 32"), harmless, "only the exponent's case is harmless");
    }

    @Test
    void severalCorruptNewerGenerationsAreSkippedWithOneWarningNamingThem() throws IOException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        for (long generation = 2; generation <= 4; generation++) {
            store.save(JOB, PART, COMPONENT, offset(generation));
            Files.writeString(partitionDir().resolve(FileCheckpointStore.fileName(generation)), "{\"format\":");
        }

        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());

            assertEquals(1, log.warnings().size(), log.warnings().toString());
            String warning = log.warnings().get(0);
            assertTrue(warning.contains("skipped 3 corrupt newer checkpoint file(s), generation(s) 4, 3, 2")
                    && warning.contains(FileCheckpointStore.fileName(4)) && warning.contains("using generation 1"),
                    warning);
        }
    }

    @Test
    void whenEveryFileIsCorruptLoadingFailsAndNeverReportsNoCheckpoint() throws IOException {
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        store.save(JOB, PART, COMPONENT, offset(2));
        Files.write(partitionDir().resolve(FileCheckpointStore.fileName(1)), new byte[0]);
        Files.writeString(partitionDir().resolve(FileCheckpointStore.fileName(2)), "{\"format\":");

        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            NoValidCheckpointException e = assertThrows(NoValidCheckpointException.class,
                    () -> store.loadLatest(JOB, PART));
            assertTrue(e.getMessage().contains("has 2 checkpoint file(s) but none is valid"), e.getMessage());
            assertTrue(e.getMessage().contains("the newest: " + FileCheckpointStore.fileName(2)), e.getMessage());
            assertTrue(e.getMessage().contains(root.toString()) && e.getMessage().contains("job '" + JOB + "'"));
            assertEquals(List.of(), log.warnings(), "the error says it all: no warning per file");
        }
        assertThrows(CheckpointStoreException.class, () -> store.load(JOB, PART, 2));
        assertEquals(List.of(), store.history(JOB, PART));
        assertEquals(3, store.save(JOB, PART, COMPONENT, offset(3)).generation(), "a new save never reuses a name");
    }

    @Test
    void aFileMovedToAnotherGenerationsNameIsRejected() throws IOException {
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        CheckpointEnvelope second = store.save(JOB, PART, COMPONENT, offset(2));
        Files.copy(partitionDir().resolve(FileCheckpointStore.fileName(1)),
                partitionDir().resolve(FileCheckpointStore.fileName(3)));
        assertEquals(second, store.loadLatest(JOB, PART).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void anIoFailureAtAnyStepFailsTheSaveAndKeepsThePreviousCheckpoint(Step step) throws IOException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        failAt = step;
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                () -> store.save(JOB, PART, COMPONENT, offset(2)));
        assertTrue(e.getMessage().contains("injected " + step), e.getMessage());
        assertTrue(e.getMessage().contains(FileCheckpointStore.fileName(2)) && e.getMessage().contains(JOB),
                e.getMessage());
        assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
        assertEquals(List.of(FileCheckpointStore.fileName(1)), files(), "no temp file or half-saved generation left");

        failAt = null;
        CheckpointEnvelope next = store.save(JOB, PART, COMPONENT, offset(3));
        assertTrue(next.generation() > 1);
        assertEquals(next, store.loadLatest(JOB, PART).orElseThrow());
    }

    @Test
    void leftoverTempFilesAreIgnoredByReadersAndRemovedByTheNextWriter() throws IOException {
        CheckpointStore writer = open();
        CheckpointEnvelope first = writer.save(JOB, PART, COMPONENT, offset(1));
        writer.close();
        Path temp = partitionDir().resolve(FileCheckpointStore.fileName(2) + ".5eed.tmp");
        Files.writeString(temp, "{\"format\":\"connectorkit-checkpoint/1\",\"jo");

        CheckpointStore next = open();
        assertEquals(first, next.loadLatest(JOB, PART).orElseThrow());
        assertTrue(Files.exists(temp), "a reader does not touch files a writer may be writing");
        next.lockForWriting(JOB);
        assertEquals(List.of(FileCheckpointStore.fileName(1)), files());
        assertEquals(2, next.save(JOB, PART, COMPONENT, offset(2)).generation());
    }

    @Test
    void retentionPrunesOldFiles() throws IOException {
        FileCheckpointStore store = open(StoreOptions.DEFAULTS.withRetention(2));
        for (int i = 1; i <= 5; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        store.awaitPruning();
        assertEquals(List.of(FileCheckpointStore.fileName(4), FileCheckpointStore.fileName(5)), files());
    }

    @Test
    void theLockMessageNamesTheLockFile() {
        open().lockForWriting(JOB);
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> open().lockForWriting(JOB));
        assertTrue(e.getMessage().contains("job '" + JOB + "' is locked by another writer"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve(JOB).resolve(".lock").toString()), e.getMessage());
    }

    @Test
    void invalidIdsCreateNothing() throws IOException {
        CheckpointStore store = open();
        for (String bad : List.of("../escaped", "/tmp/abs", "a/b", "..")) {
            assertThrows(IllegalArgumentException.class, () -> store.save(bad, PART, COMPONENT, offset(1)));
            assertThrows(IllegalArgumentException.class, () -> store.save(JOB, bad, COMPONENT, offset(1)));
        }
        try (Stream<Path> all = Files.walk(root.getParent(), 1)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("escaped")));
        }
        try (Stream<Path> all = Files.list(root)) {
            assertEquals(List.of(), all.toList(), "nothing was created under the root");
        }
    }
}
