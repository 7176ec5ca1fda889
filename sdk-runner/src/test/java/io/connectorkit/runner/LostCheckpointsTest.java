package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints deleted by hand while the job's traces remain (its {@code saved-} file, its {@code _saved} row) never
 * restart the job silently: the runner says so loudly, and refuses when the output already holds records, unless told
 * {@code --start-over}. A job that never saved a checkpoint (a crash before the first one) is not refused.
 */
class LostCheckpointsTest {

    private static final String JOB = "lost";

    @TempDir
    Path dir;

    private String[] run(String store, int total, String... more) {
        return Stream.concat(Stream.of("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                listInput(dir, total, 10).toString(), "--store", store, "--job", JOB, "--quiet"), Stream.of(more))
                .toArray(String[]::new);
    }

    private Path output() {
        return dir.resolve("out.jsonl");
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private void deleteCheckpointFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void checkpointFilesDeletedByHandWithRecordsInTheOutputAreRefusedUnlessStartOverIsGiven() throws IOException {
        String store = fileStore(dir.resolve("store"));
        Cli.run(run(store, 25, "--output", output().toString())).assertCode(0);
        deleteCheckpointFiles(dir.resolve("store"));
        byte[] before = Files.readAllBytes(output());

        Cli.run(run(store, 40, "--output", output().toString())).assertCode(6).assertErrContains(
                "job '" + JOB + "' saved checkpoints in file store", "but none is left",
                "the output " + output() + " already holds " + before.length + " bytes", "--start-over",
                "Nothing was read");
        assertArrayEquals(before, Files.readAllBytes(output()), "the output is untouched");

        Cli.run(run(store, 40, "--output", output().toString(), "--start-over")).assertCode(0)
                .assertErrContains("WARNING: job '" + JOB + "' saved checkpoints", "starts over from its first record");
        List<Integer> expected = Stream.concat(range(1, 25).stream(), range(1, 40).stream()).toList();
        assertEquals(expected, ids(output()), "the old records kept, the new run appended");
        Cli.run(run(store, 50, "--output", output().toString())).assertCode(0)
                .assertErrContains("resumes from checkpoint");
    }

    @Test
    void checkpointFilesDeletedByHandAreSaidLoudlyWhenTheOutputHoldsNothing() throws IOException {
        String store = fileStore(dir.resolve("store"));
        Cli.run(run(store, 25)).assertCode(0);
        deleteCheckpointFiles(dir.resolve("store"));

        Cli.Result again = Cli.run(run(store, 25)).assertCode(0)
                .assertErrContains("connectorkit: WARNING: job '" + JOB + "' saved checkpoints in file store",
                        "but none is left (deleted by hand?)", "starts over from its first record");
        assertEquals(25, again.out().lines().count());
    }

    @Test
    void checkpointRowsDeletedByHandAreRefusedLikeFiles() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath();
        Cli.run(run(url, 25, "--output", output().toString())).assertCode(0);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertTrue(s.executeUpdate("DELETE FROM connectorkit_checkpoints WHERE job = '" + JOB + "'") > 0);
        }

        Cli.run(run(url, 40, "--output", output().toString())).assertCode(6)
                .assertErrContains("saved checkpoints in jdbc store", "but none is left", "--start-over");
        assertEquals(range(1, 25), ids(output()));
    }

    @Test
    void aSinkTableWithRowsAndNoCheckpointLeftIsRefused() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("sink").toAbsolutePath();
        String[] sink = Stream.concat(Stream.of("run", "--family", "checkpoint", "--name", "list-input",
                "--configuration", listInput(dir, 25, 10).toString(), "--job", JOB, "--quiet"),
                Stream.of("--sink", url, "--table", "rows_out")).toArray(String[]::new);
        Cli.run(sink).assertCode(0);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM connectorkit_checkpoints WHERE job = '" + JOB + "'");
        }

        Cli.run(sink).assertCode(6).assertErrContains("the sink table rows_out already holds rows", "--start-over");
        assertEquals(25, count(url));
    }

    @Test
    void aJobThatNeverSavedACheckpointStartsWithANoteAboutTheRecordsInItsOutput() throws IOException {
        // What a crash before the first checkpoint leaves: records in the output, nothing in the store.
        Files.writeString(output(), "{\"id\":1,\"date\":\"2024-01-02\"}\n");

        Cli.run(run(fileStore(dir.resolve("store")), 5, "--output", output().toString())).assertCode(0)
                .assertErrContains("has no checkpoint", "the output " + output() + " already holds");
        assertEquals(List.of(1, 1, 2, 3, 4, 5), ids(output()));
    }

    private static int count(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM rows_out");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
