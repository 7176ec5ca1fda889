package io.connectorkit.store;

import static io.connectorkit.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectorkit.testsupport.LogCapture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file store's writer state and background pruning: saves keep the partition folder open and do not wait for
 * old generations to be deleted; retention still holds, failed deletes are retried, {@code delete(job)},
 * {@code delete(job, partition)} and {@code close()} wait for pending deletes, and a partition delete cut short leaves
 * its newest generations.
 */
class FileStorePruningTest {

    private static final String JOB = "job-1";
    private static final String PART = "p0";
    private static final String COMPONENT = "acme::orders-input";
    private static final String PRUNER_THREAD = "connectorkit-pruner ";

    @TempDir
    Path root;

    private final TestOps ops = new TestOps();
    private final List<FileCheckpointStore> opened = new ArrayList<>();

    private FileCheckpointStore open(int retention) {
        FileCheckpointStore store = new FileCheckpointStore(root, StoreOptions.DEFAULTS.withRetention(retention), ops,
                Clock.systemUTC());
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        ops.openGate();
        opened.forEach(FileCheckpointStore::close);
    }

    private Path partitionDir(String partition) {
        return root.resolve(JOB).resolve("partitions").resolve(partition);
    }

    private List<Long> generationsOnDisk() throws IOException {
        try (Stream<Path> list = Files.list(partitionDir(PART))) {
            return list.map(p -> p.getFileName().toString()).sorted()
                    .map(n -> Long.parseLong(n.substring("checkpoint-".length(), n.indexOf(".json")))).toList();
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void oldGenerationsAreDeletedByTheStoresThreadWhileSavesGoOn() throws IOException {
        FileCheckpointStore store = open(2);
        ops.closeGate();
        for (int i = 1; i <= 6; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        // The pruner is stuck on generation 1, yet every save returned, and the kept generations are all there.
        assertEquals(range(1, 6), generationsOnDisk());
        assertEquals(6, store.loadLatest(JOB, PART).orElseThrow().generation());

        ops.openGate();
        store.awaitPruning();
        assertEquals(List.of(5L, 6L), generationsOnDisk());
        assertEquals(range(1, 4).stream().map(FileCheckpointStore::fileName).toList(),
                ops.prunedFiles().stream().map(p -> p.getFileName().toString()).toList(), "oldest first");
        assertEquals(Set.of(store.pruningThread().getName()), ops.pruningThreads(),
                "deleted on the store's thread, never in save");
    }

    @Test
    void aSaveOpensThePartitionFolderOnceAndCloseClosesIt() throws IOException {
        FileCheckpointStore store = open(3);
        for (int i = 1; i <= 10; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
            store.save(JOB, "p1", COMPONENT, offset(i));
        }
        assertEquals(Map.of(partitionDir(PART), 1, partitionDir("p1"), 1), ops.partitionFoldersOpened());
        assertEquals(2, ops.partitionFolders().size());
        assertTrue(ops.partitionFolders().stream().allMatch(FileChannel::isOpen));
        store.close();
        assertEquals(List.of(8L, 9L, 10L), generationsOnDisk(), "close finished the pruning");
        assertTrue(ops.partitionFolders().stream().noneMatch(FileChannel::isOpen), "close closed the folders");
    }

    @Test
    void aPartitionFolderDeletedByHandIsCreatedAgainAfterTheSaveThatFoundItGone() throws IOException {
        FileCheckpointStore store = open(3);
        store.save(JOB, PART, COMPONENT, offset(1));
        store.awaitPruning();
        try (Stream<Path> files = Files.list(partitionDir(PART))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(partitionDir(PART));

        CheckpointStoreException gone = assertThrows(CheckpointStoreException.class,
                () -> store.save(JOB, PART, COMPONENT, offset(2)));
        assertTrue(gone.getMessage().contains("failed at step 'create temp file'"), gone.getMessage());
        CheckpointEnvelope saved = store.save(JOB, PART, COMPONENT, offset(3));

        assertEquals(offset(3), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
        assertEquals(List.of(saved.generation()), generationsOnDisk());
        assertEquals(3, saved.generation(), "generation numbers are never handed out twice");
    }

    @Test
    void aFailedDeleteIsLoggedAndRetriedAfterTheNextSave() throws IOException {
        FileCheckpointStore store = open(1);
        Path first = partitionDir(PART).resolve(FileCheckpointStore.fileName(1));
        ops.failDeleteOnce(first);
        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            store.save(JOB, PART, COMPONENT, offset(1));
            store.save(JOB, PART, COMPONENT, offset(2));
            store.awaitPruning();
            assertEquals(List.of(1L, 2L), generationsOnDisk());
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).contains(first.toString())
                    && log.warnings().get(0).contains("cannot prune"), log.warnings().get(0));

            store.save(JOB, PART, COMPONENT, offset(3));
            store.awaitPruning();
            assertEquals(List.of(3L), generationsOnDisk(), "the failed delete was retried");
            assertEquals(1, log.warnings().size(), log.warnings().toString());
        }
    }

    @ParameterizedTest(name = "whole job: {0}")
    @ValueSource(booleans = {true, false})
    void deleteWaitsForTheJobsQueuedPrunesSoThatNewGenerationsSurvive(boolean wholeJob) throws Exception {
        FileCheckpointStore store = open(2);
        for (int i = 1; i <= 4; i++) {
            if (i == 3) {
                ops.closeGate();
            }
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        // Generations 1 and 2 are queued, the pruner is stuck deleting 1.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread deleter = new Thread(() -> {
            try {
                if (wholeJob) {
                    store.delete(JOB);
                } else {
                    store.delete(JOB, PART);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-delete");
        deleter.start();
        awaitWaitingOrDone(deleter);
        assertTrue(deleter.isAlive(), "the delete returned while a delete of the job was still queued");
        ops.openGate();
        deleter.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(deleter.isAlive());
        assertNull(failure.get());

        CheckpointEnvelope renewed = store.save(JOB, PART, COMPONENT, offset(11));
        store.save(JOB, PART, COMPONENT, offset(12));
        store.awaitPruning();
        assertEquals(1, renewed.generation(), "numbers restart after the delete");
        assertEquals(List.of(1L, 2L), generationsOnDisk());
        assertEquals(renewed, store.load(JOB, PART, 1).orElseThrow());
    }

    @Test
    void aPartitionDeleteCutShortLeavesTheNewestGenerationsReadableAndNoTrace() throws IOException {
        FileCheckpointStore store = open(10);
        for (int i = 1; i <= 4; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        CheckpointEnvelope other = store.save(JOB, "p1", COMPONENT, offset(9));
        ops.failDeleteOnce(partitionDir(PART).resolve(FileCheckpointStore.fileName(3)));

        CheckpointStoreException failed = assertThrows(CheckpointStoreException.class, () -> store.delete(JOB, PART));

        assertTrue(failed.getMessage().contains("partition '" + PART + "'") && failed.getMessage().contains(JOB),
                failed.getMessage());
        assertEquals(List.of(3L, 4L), generationsOnDisk(), "oldest first: what is left is the newest state");
        assertEquals(offset(4), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
        assertFalse(store.savedBefore(JOB, PART), "the trace goes first, never the checkpoints before it");
        assertEquals(other, store.loadLatest(JOB, "p1").orElseThrow());
        assertEquals(5, store.save(JOB, PART, COMPONENT, offset(5)).generation(),
                "no number is handed out twice while old files remain");

        store.delete(JOB, PART);
        assertFalse(Files.exists(partitionDir(PART)));
        assertEquals(1, store.save(JOB, PART, COMPONENT, offset(6)).generation());
        assertEquals(other, store.loadLatest(JOB, "p1").orElseThrow());
    }

    @Test
    void aPartitionDeleteRefusesALinkedPartitionFolder() throws IOException {
        FileCheckpointStore store = open(10);
        store.save(JOB, PART, COMPONENT, offset(1));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path kept = Files.writeString(elsewhere.resolve(FileCheckpointStore.fileName(1)), "not the store's");
        Files.createSymbolicLink(partitionDir("linked"), elsewhere);

        CheckpointStoreException refused = assertThrows(CheckpointStoreException.class,
                () -> store.delete(JOB, "linked"));

        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertTrue(Files.exists(kept), "nothing deleted through the link");
    }

    @Test
    void closeFinishesThePruningThenStopsTheThread() throws Exception {
        FileCheckpointStore store = open(1);
        store.save(JOB, PART, COMPONENT, offset(1));
        ops.closeGate();
        store.save(JOB, PART, COMPONENT, offset(2));
        store.save(JOB, PART, COMPONENT, offset(3));
        Thread pruner = store.pruningThread();
        assertNotNull(pruner);
        assertTrue(pruner.isDaemon());

        Thread closer = new Thread(store::close, "test-close");
        closer.start();
        awaitWaitingOrDone(closer);
        assertTrue(closer.isAlive(), "close() returned while deletes were pending");
        assertEquals(range(1, 3), generationsOnDisk());
        ops.openGate();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closer.isAlive());

        assertEquals(List.of(3L), generationsOnDisk());
        assertFalse(pruner.isAlive(), "no thread outlives close()");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(pruner.getName())), "no pruner thread left");
        assertThrows(CheckpointStoreException.class, () -> store.save(JOB, PART, COMPONENT, offset(4)));
    }

    @Test
    void nothingIsPrunedAndNoThreadStartedWithUnlimitedRetention() throws IOException {
        FileCheckpointStore store = open(Integer.MAX_VALUE);
        for (int i = 1; i <= 20; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        store.close();
        assertEquals(range(1, 20), generationsOnDisk());
        assertNull(store.pruningThread());
        assertEquals(List.of(), ops.prunedFiles());
    }

    @Test
    void aNewWriterPrunesWhatAnEarlierOneLeftBehind() throws IOException {
        FileCheckpointStore unlimited = open(Integer.MAX_VALUE);
        for (int i = 1; i <= 5; i++) {
            unlimited.save(JOB, PART, COMPONENT, offset(i));
        }
        unlimited.close();
        FileCheckpointStore store = open(2);
        assertEquals(6, store.save(JOB, PART, COMPONENT, offset(6)).generation());
        store.awaitPruning();
        assertEquals(List.of(5L, 6L), generationsOnDisk());
    }

    @Test
    void afterAFailedSaveWhoseCleanupFailedTheFolderIsListedAgain() throws IOException {
        FileCheckpointStore store = open(1);
        store.save(JOB, PART, COMPONENT, offset(1));
        Path second = partitionDir(PART).resolve(FileCheckpointStore.fileName(2));
        ops.failForceDirectory = true;
        ops.failDeleteOnce(second);
        assertThrows(CheckpointStoreException.class, () -> store.save(JOB, PART, COMPONENT, offset(2)));
        ops.failForceDirectory = false;
        assertTrue(Files.exists(second), "the failed save's file could not be removed");

        assertEquals(3, store.save(JOB, PART, COMPONENT, offset(3)).generation());
        store.awaitPruning();
        assertEquals(List.of(3L), generationsOnDisk(), "the left-over generation 2 was found and pruned");
    }

    @Test
    void aPlatformThatCannotOpenFoldersStillSaves() throws IOException {
        ops.cannotOpenFolders = true;
        FileCheckpointStore store = open(2);
        for (int i = 1; i <= 4; i++) {
            store.save(JOB, PART, COMPONENT, offset(i));
        }
        store.awaitPruning();
        assertEquals(List.of(3L, 4L), generationsOnDisk());
        assertEquals(offset(4), store.loadLatest(JOB, PART).orElseThrow().checkpoint());
    }

    /** Waits (up to 10 s) until {@code thread} waits or ends; this only paces the test, it asserts nothing. */
    private static void awaitWaitingOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.sleep(1);
        }
        fail(thread.getName() + " neither waited nor ended within 10 s: " + thread.getState());
    }

    /**
     * Real file operations, recording folder opens and the deletes done on a pruner thread; such deletes can be held
     * back by a gate or fail once for a given file.
     */
    private static final class TestOps implements FileOps {
        volatile boolean cannotOpenFolders;
        volatile boolean failForceDirectory;
        private volatile CountDownLatch gate;
        private final Set<Path> failDeleteOnce = ConcurrentHashMap.newKeySet();
        private final List<Path> pruned = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> pruningThreads = ConcurrentHashMap.newKeySet();
        private final Map<Path, Integer> foldersOpened = new ConcurrentHashMap<>();
        private final List<FileChannel> folders = Collections.synchronizedList(new ArrayList<>());

        void closeGate() {
            gate = new CountDownLatch(1);
        }

        void openGate() {
            CountDownLatch current = gate;
            if (current != null) {
                current.countDown();
            }
        }

        void failDeleteOnce(Path file) {
            failDeleteOnce.add(file);
        }

        List<Path> prunedFiles() {
            synchronized (pruned) {
                return List.copyOf(pruned);
            }
        }

        Set<String> pruningThreads() {
            return Set.copyOf(pruningThreads);
        }

        /** How often each partition folder was opened. */
        Map<Path, Integer> partitionFoldersOpened() {
            Map<Path, Integer> partitions = new java.util.HashMap<>(foldersOpened);
            partitions.keySet().removeIf(dir -> !isPartition(dir));
            return partitions;
        }

        private static boolean isPartition(Path dir) {
            return dir.getParent().getFileName().toString().equals("partitions");
        }

        /** The channels opened on partition folders. */
        List<FileChannel> partitionFolders() {
            synchronized (folders) {
                return List.copyOf(folders);
            }
        }

        @Override
        public FileChannel create(Path file) throws IOException {
            return REAL.create(file);
        }

        @Override
        public void write(FileChannel channel, ByteBuffer data) throws IOException {
            REAL.write(channel, data);
        }

        @Override
        public void force(FileChannel channel) throws IOException {
            REAL.force(channel);
        }

        @Override
        public void move(Path source, Path target) throws IOException {
            REAL.move(source, target);
        }

        @Override
        public FileChannel openDirectory(Path dir) throws IOException {
            foldersOpened.merge(dir, 1, Integer::sum);
            if (cannotOpenFolders) {
                return null;
            }
            FileChannel channel = REAL.openDirectory(dir);
            if (isPartition(dir)) {
                folders.add(channel);
            }
            return channel;
        }

        @Override
        public void forceDirectory(FileChannel dir) throws IOException {
            if (failForceDirectory) {
                throw new IOException("injected FORCE_DIRECTORY failure");
            }
            REAL.forceDirectory(dir);
        }

        @Override
        public void delete(Path file) throws IOException {
            if (failDeleteOnce.remove(file)) {
                throw new IOException("injected delete failure");
            }
            if (Thread.currentThread().getName().startsWith(PRUNER_THREAD)) {
                CountDownLatch current = gate;
                try {
                    if (current != null && !current.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                pruningThreads.add(Thread.currentThread().getName());
                pruned.add(file);
            }
            REAL.delete(file);
        }
    }
}
