package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner in a child JVM whose PostgreSQL claim row is tampered with while it runs: locked by another transaction
 * ({@code SELECT ... FOR UPDATE} left open), or taken over by another writer. The job {@code test/marker} waits at
 * record {@value #MARK_AT} for the test's gate, so each change happens at a known record.
 */
@RequiresPostgres
class PostgresClaimTest {

    private static final int MARK_AT = 250;

    @TempDir
    Path dir;

    private final String job = "claim-" + UUID.randomUUID().toString().substring(0, 8);
    private final ChildRunners children = new ChildRunners();
    private String postgres;

    @BeforeEach
    void connect() {
        postgres = TestPostgres.URL;
    }

    @AfterEach
    void cleanUp() throws Exception {
        children.close();
        try (Connection c = DriverManager.getConnection(postgres);
                PreparedStatement delete = c.prepareStatement("DELETE FROM "
                        + JdbcCheckpointStore.DEFAULT_TABLE + "_locks WHERE job = ?")) {
            delete.setString(1, job);
            delete.executeUpdate();
        }
        Cli.run("checkpoint", "delete", "--store", postgres, "--job", job, "--yes").assertCode(0);
    }

    private Process start(int total, Path output, String... more) throws IOException {
        Path configuration = Cli.write(dir.resolve("marker.json"), "{\"configuration\": {\"total\": " + total
                + ", \"markAt\": " + MARK_AT + ", \"marker\": \"" + dir.resolve("marker") + "\", \"gate\": \""
                + dir.resolve("gate") + "\"}}");
        List<String> args = new ArrayList<>(List.of("run", "--family", "test", "--name", "marker", "--job", job,
                "--quiet", "--configuration", configuration.toString(), "--store", postgres, "--output",
                output.toString()));
        args.addAll(List.of(more));
        Process child = Cli.start(dir.resolve("out.txt"), dir.resolve("err.txt"), args.toArray(String[]::new));
        children.track(child);
        return child;
    }

    private String err() {
        try {
            return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void await(Process child, ChildRunners.Condition condition, String what) throws Exception {
        ChildRunners.await(child, condition, what, this::err);
    }

    private List<Integer> savedSinceIds() {
        try (JdbcCheckpointStore store = JdbcCheckpointStore.connect(postgres, null, null,
                JdbcCheckpointStore.DEFAULT_TABLE, StoreOptions.DEFAULTS)) {
            return store.history(job, JobPartitions.SINGLE).stream()
                    .map(info -> store.load(job, JobPartitions.SINGLE, info.generation()).orElseThrow())
                    .map(e -> e.checkpoint().getJsonObject("$checkpoint").getInt("sinceId")).toList();
        }
    }

    @Test
    void aClaimRowLockedByAnotherSessionIsReportedWithThatSessionAndTheRunGoesOnOnceItIsReleased()
            throws Exception {
        Path output = dir.resolve("out.jsonl");
        Process runner = start(1_000, output, "--sync-saves", "--lock-timeout-ms", "1000");
        await(runner, () -> Files.exists(dir.resolve("marker")), "the job reaches record " + MARK_AT);

        try (Connection holder = DriverManager.getConnection(postgres)) {
            try (Statement s = holder.createStatement()) {
                s.execute("SET application_name = 'ck-test-lock-holder'");
            }
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT * FROM "
                    + JdbcCheckpointStore.DEFAULT_TABLE + "_locks WHERE job = ? FOR UPDATE")) {
                lock.setString(1, job);
                lock.executeQuery().close();
            }
            Files.createFile(dir.resolve("gate"));

            await(runner, () -> err().contains("stayed locked by another transaction for 1 s")
                    && err().contains("application 'ck-test-lock-holder'"), "the runner says who holds the job");
            holder.rollback();
        }

        assertTrue(runner.waitFor(2, TimeUnit.MINUTES), "the runner ends");
        assertEquals(0, runner.exitValue(), this::err);
        assertEquals(IntStream.rangeClosed(1, 1_000).boxed().toList(), ids(output), "every record once");
    }

    @Test
    void aRunnerWhoseClaimIsTakenOverStopsReadingAtOnceWithoutSaving() throws Exception {
        Path output = dir.resolve("out.jsonl");
        int total = 2_000_000;
        Process runner = start(total, output);
        await(runner, () -> Files.exists(dir.resolve("marker")), "the job reaches record " + MARK_AT);

        // What another writer's takeover leaves: the claim row names someone else.
        try (Connection c = DriverManager.getConnection(postgres);
                PreparedStatement takeOver = c.prepareStatement("UPDATE " + JdbcCheckpointStore.DEFAULT_TABLE
                        + "_locks SET owner = 'another-writer', heartbeat_at = CURRENT_TIMESTAMP WHERE job = ?")) {
            takeOver.setString(1, job);
            assertEquals(1, takeOver.executeUpdate());
        }
        Files.createFile(dir.resolve("gate"));

        assertTrue(runner.waitFor(2, TimeUnit.MINUTES), "the runner ends");
        assertEquals(6, runner.exitValue(), this::err);
        assertTrue(err().contains("another writer took it over (owner another-writer")
                && err().contains("Stopped reading after"), err());
        List<Integer> read = ids(output);
        assertTrue(read.get(read.size() - 1) < total, "stopped long before the end: " + read.size() + " records");
        List<Integer> saved = savedSinceIds();
        assertTrue(saved.stream().allMatch(sinceId -> sinceId <= MARK_AT), "nothing saved once the claim was taken "
                + "(the job waited at record " + MARK_AT + " meanwhile): " + saved);
    }
}
