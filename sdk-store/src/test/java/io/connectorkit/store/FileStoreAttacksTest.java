package io.connectorkit.store;

import static io.connectorkit.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.testsupport.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a careless operator or a hostile host can do to a file store's folder while a writer holds a job or between
 * runs: plant generation numbers at the end of the range, special files as checkpoints, symbolic links as the lock
 * file or the job folder, delete or replace the lock file. Each is reported naming the path; nothing is read past its
 * limit, followed, or written outside the root, and a writer whose lock file is gone stops writing.
 */
class FileStoreAttacksTest {

    private static final String JOB = "job-1";
    private static final String PART = "p0";
    private static final String COMPONENT = "acme::orders-input";

    @TempDir
    Path temp;

    private final List<FileCheckpointStore> opened = new ArrayList<>();

    private Path root() {
        return temp.resolve("store");
    }

    private FileCheckpointStore open() {
        FileCheckpointStore store = new FileCheckpointStore(root());
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(FileCheckpointStore::close);
    }

    private Path partitionDir() {
        return root().resolve(JOB).resolve("partitions").resolve(PART);
    }

    private Path lockFile() {
        return root().resolve(JOB).resolve(".lock");
    }

    @Test
    void generationNamesOutOfRangeAreReportedByPathAndTheNextGenerationFollowsTheValidOnes() throws IOException {
        FileCheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        CheckpointEnvelope second = store.save(JOB, PART, COMPONENT, offset(2));
        store.close();
        Path longMax = Files.writeString(partitionDir().resolve("checkpoint-09223372036854775807.json"), "x");
        Path beyondLong = Files.writeString(partitionDir().resolve("checkpoint-99999999999999999999.json"), "x");
        Path zero = Files.writeString(partitionDir().resolve("checkpoint-00000000000000000000.json"), "x");

        FileCheckpointStore next = open();
        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            assertEquals(second, next.loadLatest(JOB, PART).orElseThrow());
            String warning = String.join("\n", log.warnings());
            for (Path planted : List.of(longMax, beyondLong, zero)) {
                assertTrue(warning.contains(planted.toString()), warning);
            }
            assertTrue(warning.contains("out of range (1 to " + CheckpointEnvelope.MAX_GENERATION + ")"), warning);
        }
        assertEquals(3, next.save(JOB, PART, COMPONENT, offset(3)).generation(), "no overflow");
        assertEquals(List.of(1L, 2L, 3L), next.history(JOB, PART).stream().map(CheckpointInfo::generation).toList());
    }

    @Test
    void aFileAtTheLargestGenerationStopsSavesNamingIt() throws IOException {
        FileCheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        store.close();
        Path last = Files.writeString(partitionDir().resolve(FileCheckpointStore.fileName(
                CheckpointEnvelope.MAX_GENERATION)), "x");

        FileCheckpointStore next = open();
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                () -> next.save(JOB, PART, COMPONENT, offset(2)));
        assertTrue(e.getMessage().contains(last.toString()) && e.getMessage().contains("move it away"),
                e.getMessage());
        assertEquals(first, next.loadLatest(JOB, PART).orElseThrow());
    }

    @Test
    void aCheckpointLinkedToDevZeroIsSkippedUnread() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        FileCheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        Path link = Files.createSymbolicLink(partitionDir().resolve(FileCheckpointStore.fileName(2)),
                Path.of("/dev/zero"));

        try (LogCapture log = LogCapture.of(FileCheckpointStore.class)) {
            assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
            assertTrue(log.warnings().get(0).contains(link.getFileName() + ": not a regular file but a symbolic link"),
                    log.warnings().toString());
        }
        assertThrows(CheckpointStoreException.class, () -> store.load(JOB, PART, 2));
        assertEquals(List.of(1L), store.history(JOB, PART).stream().map(CheckpointInfo::generation).toList());
    }

    @Test
    void aCheckpointThatIsAFifoIsSkippedWithoutOpeningIt() throws Exception {
        FileCheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        Path fifo = partitionDir().resolve(FileCheckpointStore.fileName(2));
        Assumptions.assumeTrue(mkfifo(fifo), "needs mkfifo");

        // Opening a FIFO for reading would block until a writer opens it: no writer ever will.
        assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
        assertEquals(List.of(JOB), store.jobs());
        assertEquals(List.of(1L), store.history(JOB, PART).stream().map(CheckpointInfo::generation).toList());
    }

    @Test
    void aLockFileThatIsALinkIsRefusedAndNothingIsCreatedThroughIt() throws IOException {
        Path victim = temp.resolve("victim");
        Files.createDirectories(root().resolve(JOB));
        Files.createSymbolicLink(lockFile(), victim);

        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> open().lockForWriting(JOB));

        assertTrue(e.getMessage().contains(lockFile().toString()) && e.getMessage().contains("a symbolic link"),
                e.getMessage());
        assertFalse(Files.exists(victim, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void linkedJobOrPartitionFoldersAreRefusedForWritingAndDeleting() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("checkpoint-00000000000000000001.json"), "keep me");
        Files.createDirectories(root());
        Files.createSymbolicLink(root().resolve(JOB), outside);

        CheckpointStoreException job = assertThrows(CheckpointStoreException.class,
                () -> open().save(JOB, PART, COMPONENT, offset(1)));
        assertTrue(job.getMessage().contains(root().resolve(JOB) + "): expected a folder, found a symbolic link"),
                job.getMessage());

        Files.delete(root().resolve(JOB));
        Files.createDirectories(partitionDir().getParent());
        Files.createSymbolicLink(partitionDir(), outside);
        FileCheckpointStore store = open();
        assertThrows(CheckpointStoreException.class, () -> store.save(JOB, PART, COMPONENT, offset(1)));
        CheckpointStoreException delete = assertThrows(CheckpointStoreException.class, () -> store.delete(JOB));
        assertTrue(delete.getMessage().contains(partitionDir().toString()), delete.getMessage());
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("checkpoint-00000000000000000001.json")), files.toList());
        }
    }

    @Test
    void aWriterWhoseLockFileWasDeletedStopsBeforeItsNextSave() throws IOException {
        FileCheckpointStore store = open();
        List<WriterLostException> told = new ArrayList<>();
        store.onWriterLost(told::add);
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));

        Files.delete(lockFile());

        WriterLostException lost = assertThrows(WriterLostException.class,
                () -> store.save(JOB, PART, COMPONENT, offset(2)));
        assertTrue(lost.getMessage().contains(lockFile().toString())
                && lost.getMessage().contains("the lock file was deleted"), lost.getMessage());
        assertEquals(JOB, lost.job());
        assertSame(lost, assertThrows(WriterLostException.class, () -> store.save(JOB, PART, COMPONENT, offset(3))),
                "every later write refused the same way");
        assertThrows(WriterLostException.class, () -> store.delete(JOB));
        assertEquals(List.of(lost), told, "told once");
        assertEquals(first, store.loadLatest(JOB, PART).orElseThrow(), "nothing saved after the loss");
    }

    @Test
    void aWriterWhoseLockFileWasReplacedStopsAndNamesWhatItFound() throws IOException {
        FileCheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));

        // What a second runner leaves at the path once the first one's lock file was deleted.
        Files.delete(lockFile());
        Files.writeString(lockFile(), "held by pid 4242 on elsewhere since 2026-01-01T00:00:00Z\n");

        WriterLostException lost = assertThrows(WriterLostException.class,
                () -> store.save(JOB, PART, COMPONENT, offset(2)));
        assertTrue(lost.getMessage().contains("another file is at the lock path now (the lock file says: held by pid "
                + "4242 on elsewhere"), lost.getMessage());
        assertEquals(1, store.history(JOB, PART).size());
    }

    @Test
    void theLockFileNamesItsHolderAndALockedJobSaysWho() throws IOException {
        open().lockForWriting(JOB);
        assertTrue(Files.readString(lockFile()).startsWith("held by pid " + ProcessHandle.current().pid() + " on "));

        CheckpointStoreException e = assertThrows(CheckpointStoreException.class, () -> open().lockForWriting(JOB));
        assertTrue(e.getMessage().contains("locked by another writer"), e.getMessage());
    }

    @Test
    void checkpointFilesDeletedByHandLeaveTheTraceThatTheyWereSaved() throws IOException {
        FileCheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        store.close();
        try (Stream<Path> files = Files.list(partitionDir())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        FileCheckpointStore next = open();
        assertEquals(java.util.Optional.empty(), next.loadLatest(JOB, PART));
        assertTrue(next.savedBefore(JOB, PART), "the job's saved- file remains");
        Files.delete(partitionDir());
        Files.delete(partitionDir().getParent());
        assertTrue(next.savedBefore(JOB, PART), "even without the partitions folder");
    }

    private static boolean mkfifo(Path file) throws IOException, InterruptedException {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
            return mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
