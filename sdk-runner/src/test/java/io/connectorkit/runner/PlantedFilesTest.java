package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files planted in a file store by a careless operator or a hostile host, through the runner in a child JVM (so that
 * what the store logs is seen): a generation number at the end of the range, a checkpoint that is a symbolic link to
 * {@code /dev/zero} or a FIFO, a symbolic link as the lock file or the job folder. Each is reported naming its path
 * and never read, followed or written through; the job resumes from its newest valid checkpoint.
 */
class PlantedFilesTest {

    private static final String JOB = "planted";

    @TempDir
    Path dir;

    private Path store;
    private Path output;

    @BeforeEach
    void setUp() {
        store = dir.resolve("store");
        output = dir.resolve("out.jsonl");
    }

    private String[] run(int total, String... more) {
        return Stream.concat(Stream.of("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                listInput(dir, total, 10).toString(), "--store", fileStore(store), "--job", JOB, "--output",
                output.toString(), "--quiet"), Stream.of(more)).toArray(String[]::new);
    }

    private Path partition() {
        return store.resolve(JOB).resolve("partitions").resolve(JobPartitions.SINGLE);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aGenerationNamedAtTheEndOfTheLongRangeIsReportedByPathAndIgnored() throws IOException {
        Cli.run(run(25)).assertCode(0);
        Path planted = Files.writeString(partition().resolve("checkpoint-09223372036854775807.json"), "x\n");

        Cli.Result second = Cli.fork(dir, run(40)).assertCode(0);
        Cli.Result third = Cli.fork(dir, run(60)).assertCode(0);

        for (Cli.Result result : List.of(second, third)) {
            assertTrue(result.err().contains(planted.toString()) && result.err().contains("out of range"),
                    "the planted file is named: " + result.err());
            assertTrue(result.err().contains("resumes from checkpoint"), result.err());
        }
        assertEquals(range(1, 60), ids(output), "each run resumes where the last ended: no record twice");
        assertTrue(Files.exists(planted), "a file the store did not write is left for the operator");
    }

    @Test
    void aNewestCheckpointLinkedToDevZeroIsSkippedWithoutReadingIt() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        Cli.run(run(25)).assertCode(0);
        Path link = Files.createSymbolicLink(partition().resolve("checkpoint-00000000000000000009.json"),
                Path.of("/dev/zero"));

        // A small heap: reading /dev/zero into memory would end in an OutOfMemoryError at once.
        Cli.Result result = Cli.forkWith(dir, List.of("-Xmx48m"), run(40)).assertCode(0);

        assertNamed(result, link, "not a regular file but a symbolic link");
        assertEquals(range(1, 40), ids(output));
    }

    @Test
    void aNewestCheckpointThatIsAFifoIsSkippedByRunAndList() throws Exception {
        Cli.run(run(25)).assertCode(0);
        // How many generations 25 records make depends on the writer's timing (it saves at most every 100 ms).
        String before = Cli.run("checkpoint", "list", "--store", fileStore(store)).assertCode(0).out();
        String newest = before.substring(0, before.indexOf("  ", before.indexOf('#')) + 2); // "planted  #1  "
        Path fifo = partition().resolve("checkpoint-00000000000000000009.json");
        Assumptions.assumeTrue(mkfifo(fifo), "needs mkfifo");

        Cli.Result list = Cli.fork(dir, "checkpoint", "list", "--store", fileStore(store)).assertCode(0);
        Cli.Result result = Cli.fork(dir, run(40)).assertCode(0);

        assertTrue(newest.startsWith(JOB + "  #"), before);
        assertTrue(list.out().startsWith(newest), "the newest valid generation is listed: " + list.all());
        assertNamed(result, fifo, "not a regular file but a FIFO, socket or device");
        assertEquals(range(1, 40), ids(output));
    }

    @Test
    void aLockFileLinkedOutsideTheStoreIsRefusedAndNothingIsWrittenThere() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path victim = outside.resolve("victim");
        Files.createDirectories(store.resolve(JOB));
        Path lock = Files.createSymbolicLink(store.resolve(JOB).resolve(".lock"), victim);

        Cli.run(run(25)).assertCode(6).assertErrContains(lock.toString(), "symbolic link");

        assertFalse(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS), "nothing created through the link");
        assertEquals(List.of(), ids(output), "the job did not start");
    }

    @Test
    void aJobFolderLinkedOutsideTheStoreIsRefusedAndNothingIsWrittenThere() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(store);
        Path jobFolder = Files.createSymbolicLink(store.resolve(JOB), outside);

        Cli.run(run(25)).assertCode(6).assertErrContains(jobFolder.toString(), "symbolic link");

        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of(), files.toList(), "nothing written through the link");
        }
    }

    /** The store's warning names the file (its folder, then its name) and why it was skipped. */
    private static void assertNamed(Cli.Result result, Path file, String why) {
        assertTrue(result.err().contains(file.getParent() + "): skipped 1 corrupt newer checkpoint file(s)")
                && result.err().contains(file.getFileName() + ": " + why), result.err());
    }

    private static boolean mkfifo(Path file) throws IOException, InterruptedException {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
            return mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
        } catch (IOException e) {
            return false; // no mkfifo on this system
        }
    }
}
