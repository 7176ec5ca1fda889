package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.listInput;
import static io.connectorkit.runner.Cli.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} failures: each has its exit code and a message naming what is wrong, and changes nothing it should not. */
class RunnerErrorsTest {

    private static final String JOB = "checkpoint-list-input";

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    private Cli.Result run(String... more) {
        return Cli.run(args(more));
    }

    private String[] args(String... more) {
        return Stream.concat(Stream.of("run", "--family", "checkpoint", "--name", "list-input", "--quiet"),
                Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void aMissingConfigurationFileIsExit5NamingTheFile() {
        Path missing = dir.resolve("no-such-configuration.json");

        run("--configuration", missing.toString(), "--store", fileStore(store()))
                .assertCode(5).assertErrContains(missing.toString(), "does not exist");
    }

    @Test
    void anOutputFileWithoutAnyCompleteLineIsRefusedAndLeftAsItIs() throws Exception {
        Path output = dir.resolve("notes.txt");
        Files.writeString(output, "a file someone else wrote, without a newline");

        run("--configuration", listInput(dir, 5, 1).toString(), "--store", fileStore(store()), "--output",
                output.toString()).assertCode(8).assertErrContains(output.toString(), "no complete line");
        assertEquals("a file someone else wrote, without a newline", Files.readString(output));
    }

    @Test
    void aSinkTableWithoutAColumnForAFieldIsExit8NamingIt() {
        String url = "jdbc:h2:file:" + dir.resolve("sink").toAbsolutePath();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE rows_out (id BIGINT)");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        run("--configuration", listInput(dir, 5, 1).toString(), "--sink", url, "--table", "rows_out")
                .assertCode(8).assertErrContains("no column for field 'date'");
    }

    @Test
    void anOutputBelowARegularFileNamesThatFileAndWhy() throws IOException {
        Path regularFile = Files.writeString(dir.resolve("a-file"), "x");
        Path output = regularFile.resolve("out.jsonl");

        run("--configuration", listInput(dir, 5, 1).toString(), "--store", fileStore(store()), "--output",
                output.toString()).assertCode(8).assertErrContains("cannot open the output " + output + ": "
                        + regularFile + ": exists and is not a folder");
    }

    @Test
    void anOutputWhereNobodyMayWriteSaysPermissionDenied() {
        // sysfs refuses to create files, to root as well: no chmod that root would ignore.
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "needs Linux sysfs at /sys");
        Path output = Path.of("/sys/connectorkit-out.jsonl");

        run("--configuration", listInput(dir, 5, 1).toString(), "--store", fileStore(store()), "--output",
                output.toString()).assertCode(8).assertErrContains("cannot open the output " + output
                        + ": permission denied");
    }

    @Test
    void malformedJsonIsExit5WithTheLineAndColumn() {
        Path bad = write(dir.resolve("bad.json"), "{\"configuration\":\n  {\"total\": 1,,}}");

        run("--configuration", bad.toString(), "--store", fileStore(store()))
                .assertCode(5).assertErrContains(bad.toString(), "line 2, column");
    }

    @Test
    void anUnknownComponentIsExit4ListingTheKnownOnes() {
        Cli.run("run", "--family", "checkpoint", "--name", "no-such-input", "--store", fileStore(store()), "--quiet")
                .assertCode(4).assertErrContains("checkpoint/no-such-input", "checkpoint/list-input");
    }

    @Test
    void aBadConfigurationValueIsExit5NamingTheKey() {
        Path configuration = write(dir.resolve("c.json"), "{\"configuration\": {\"total\": \"abc\"}}");

        run("--configuration", configuration.toString(), "--store", fileStore(store()))
                .assertCode(5).assertErrContains("configuration.total", "abc");
    }

    @Test
    void aCredentialIsNeverPrinted() {
        String secret = "hunter2-Sup3rSecret";
        Path configuration = write(dir.resolve("c.json"),
                "{\"configuration\": {\"total\": \"abc\", \"batchSize\": 0, \"password\": \"" + secret + "\"}}");

        // A child JVM: everything the process prints, loggers included, is captured.
        Cli.Result result = Cli.fork(dir, args("--configuration", configuration.toString(), "--store",
                fileStore(store())));

        result.assertCode(5).assertErrContains("configuration.total", "configuration.batchSize");
        assertFalse(result.all().contains(secret), result.all());
    }

    @Test
    void aCheckpointWrittenByANewerVersionIsExit7NamingBothVersions() {
        try (FileCheckpointStore store = new FileCheckpointStore(store())) {
            store.save(JOB, JobPartitions.SINGLE, "checkpoint/list-input", Json.createObjectBuilder()
                    .add("$checkpoint", Json.createObjectBuilder().add("sinceId", 5).add("__version", 3)).build());
        }

        run("--configuration", listInput(dir, 10, 5).toString(), "--store", fileStore(store()), "--output",
                dir.resolve("out.jsonl").toString())
                .assertCode(7).assertErrContains("checkpoint/list-input", "__version is 3", "reads up to 2");
    }

    @Test
    void aStoreThatCannotBeCreatedIsExit6() throws IOException {
        Path regularFile = Files.writeString(dir.resolve("a-file"), "x");

        run("--store", "file:" + regularFile.resolve("store"), "--output", dir.resolve("out.jsonl").toString())
                .assertCode(6).assertErrContains(regularFile.toString());
        run("--store", "file:/proc/forbidden", "--output", dir.resolve("out.jsonl").toString())
                .assertCode(6).assertErrContains("/proc/forbidden");
    }

    @Test
    void aJdbcStoreErrorKeepsTheDriversReasonButNotThePassword() {
        String secret = "hunter2-in-the-url";
        String url = "jdbc:h2:file:" + dir.resolve("no-such-db").toAbsolutePath() + ";IFEXISTS=TRUE;USER=sa;PASSWORD="
                + secret;

        Cli.Result result = run("--store", url, "--output", dir.resolve("out.jsonl").toString())
                .assertCode(6).assertErrContains("PASSWORD=****", "not found");

        assertFalse(result.all().contains(secret), result.all());
    }

    @Test
    void aSinkErrorKeepsTheDriversReasonButNotThePassword() {
        String secret = "hunter2-in-the-url";
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + secret;

        Cli.Result result = run("--configuration", listInput(dir, 5, 1).toString(), "--sink", url, "--table", "t")
                .assertCode(6).assertErrContains("password=****", "Connection to 127.0.0.1:1 refused");

        assertFalse(result.all().contains(secret), result.all());
    }

    @Test
    @RequiresPostgres
    void aMissingPostgresDatabaseIsNamedWithItsReason() {
        String url = TestPostgres.URL.replaceFirst("/[^/?]+(\\?|$)", "/connectorkit_no_such_db$1");
        String secret = "hunter2-in-the-url";

        Cli.Result result = run("--store", url + (url.contains("?") ? "&" : "?") + "password=" + secret, "--output",
                dir.resolve("out.jsonl").toString())
                .assertCode(6).assertErrContains("database \"connectorkit_no_such_db\" does not exist");

        assertFalse(result.all().contains(secret), result.all());
    }

    @Test
    void anUnknownOptionIsNamedWithTheClosestKnownOne() {
        Cli.Result misspelt = Cli.run("run", "--familly", "checkpoint", "--name", "list-input")
                .assertCode(2).assertErrContains("unknown option '--familly'; did you mean '--family'?",
                        "connectorkit run --help");
        Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--every-m=5")
                .assertCode(2).assertErrContains("unknown option '--every-m'; did you mean '--every-ms'?");
        Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--zzz")
                .assertCode(2).assertErrContains("unknown option '--zzz'.");

        assertEquals(1, misspelt.err().lines().count(), "one line, not the whole usage: " + misspelt.err());
    }

    @Test
    void aBadRetentionNamesOnlyThatOption() {
        Cli.Result result = run("--store", fileStore(store()), "--retention", "0")
                .assertCode(2).assertErrContains("--retention must be 1 or more, got 0");

        assertFalse(result.err().contains("--fail-after") || result.err().contains("--retries"), result.err());
    }

    @Test
    void anUnknownStoreKindIsAUsageError() {
        run("--store", "bogus:x").assertCode(2).assertErrContains("bogus:x", "file:DIR, jdbc:URL or s3://BUCKET/PREFIX");
    }

    @Test
    void aStoreWhoseCheckpointsAreAllCorruptIsExit6AndTheOutputIsUntouched() throws IOException {
        Path configuration = listInput(dir, 25, 10);
        Path output = dir.resolve("out.jsonl");
        run("--configuration", configuration.toString(), "--store", fileStore(store()), "--output", output.toString())
                .assertCode(0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(store())) {
            files = walk.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json")).toList();
        }
        for (Path file : files) {
            Files.writeString(file, "{\"not\": \"a checkpoint\"");
        }
        // A last line without its newline, as a crash leaves it: a run would remove it before resuming.
        Files.writeString(output, "{\"id\":26", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(output);

        run("--configuration", configuration.toString(), "--store", fileStore(store()), "--output", output.toString())
                .assertCode(6).assertErrContains("none is valid", "not started", JOB);

        assertArrayEquals(before, Files.readAllBytes(output), "the output of a job that was not started is untouched");
    }

    @Test
    void aJobWhoseTenGenerationsAreAllCorruptGetsOneShortErrorWithTheWayOut() throws IOException {
        Path configuration = listInput(dir, 50, 5);
        Path output = dir.resolve("out.jsonl");
        run("--configuration", configuration.toString(), "--store", fileStore(store()), "--output", output.toString(),
                "--sync-saves").assertCode(0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(store())) {
            files = walk.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json")).toList();
        }
        assertEquals(10, files.size(), "ten generations kept: " + files);
        for (Path file : files) {
            Files.writeString(file, "{\"not\": \"a checkpoint\"");
        }

        // A child JVM: what the store logs is captured too.
        Cli.Result result = Cli.fork(dir, args("--configuration", configuration.toString(), "--store",
                fileStore(store()), "--output", output.toString()));

        result.assertCode(6).assertErrContains("10 checkpoint file(s) but none is valid", "not started",
                "'connectorkit checkpoint delete --job " + JOB + " --yes'");
        assertEquals(1, result.err().lines().count(), "one line:\n" + result.err());
        assertEquals(1, result.err().split("not a complete JSON object", -1).length - 1,
                "the reason once, not once per generation:\n" + result.err());
    }

    @Test
    void aSecondRunnerOnTheSameJobIsRefusedAndLeavesTheOutputAlone() throws IOException {
        Path output = Files.writeString(dir.resolve("out.jsonl"), "{\"id\":1}\n{\"id\":2", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(output);
        try (FileCheckpointStore running = new FileCheckpointStore(store())) {
            running.lockForWriting(JOB);

            run("--configuration", listInput(dir, 10, 5).toString(), "--store", fileStore(store()), "--output",
                    output.toString()).assertCode(6).assertErrContains("locked", JOB);
        }
        assertArrayEquals(before, Files.readAllBytes(output), "the running job's output is not repaired under it");
    }
}
