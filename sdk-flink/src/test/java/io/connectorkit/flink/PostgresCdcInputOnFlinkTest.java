package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.testsupport.RequiresLogicalReplication;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postgres/cdc-input}, an infinite input, on the MiniCluster: a job follows a table's changes through a
 * replication slot, a task fails once mid-stream, and every change reaches the {@code FileSink} exactly once; the slot
 * is acknowledged, from {@code @CheckpointCommitted}, up to the last transaction once Flink completed a checkpoint
 * holding it. Skipped without a server with {@code wal_level = logical}, required with
 * {@code CONNECTORKIT_REQUIRE_POSTGRES=true}.
 */
@RequiresLogicalReplication
class PostgresCdcInputOnFlinkTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkJobs.cluster();

    private static final long PATIENCE_MILLIS = 90_000;
    private static final int ROWS = 1500;

    @TempDir
    Path temp;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String table = "ck_flink_cdc_" + suffix;
    private final String slot = "ck_flink_cdc_" + suffix;
    private final String publication = "ck_flink_cdc_pub_" + suffix;
    private Connection admin;
    private JobClient job;

    @BeforeEach
    void createTable() throws SQLException {
        JobHooks.reset();
        admin = DriverManager.getConnection(TestPostgres.URL);
        execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v TEXT)");
    }

    /** Cancels the job, then drops the slot (once no reader holds it: a leaked slot pins the WAL), publication, table. */
    @AfterEach
    void dropEverything() throws Exception {
        try {
            if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
            // The server releases the slot a moment after the cancelled reader disconnected.
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while ("t".equals(query("SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot
                    + "'");
            execute("DROP PUBLICATION IF EXISTS " + publication);
            execute("DROP TABLE IF EXISTS " + table);
        } finally {
            admin.close();
        }
    }

    @Test
    void anInducedFailureMidStreamEndsWithEveryChangeExactlyOnceAndTheSlotConfirmedAfterIt() throws Exception {
        Path output = temp.resolve("out");
        StreamExecutionEnvironment env = FlinkJobs.environment(null);
        ConnectorKitSource<JsonObject> source = ConnectorKitSource.builder("postgres", "cdc-input")
                .configuration(Map.of("configuration.url", TestPostgres.URL, "configuration.slot", slot,
                        "configuration.publication", publication, "configuration.tables[0]", table))
                .build();
        FlinkJobs.pipeline(env, source, new JobHooks.FailOnce(300, 37), output);
        job = env.executeAsync("cdc-input with a failure");
        await(() -> query("SELECT slot_name FROM pg_replication_slots WHERE slot_name = '" + slot + "'") != null,
                () -> "the job to create its slot");

        for (int first = 1; first <= ROWS; first += 3) { // transactions of three rows: safe points between them
            execute("INSERT INTO " + table + " SELECT g, 'value ' || g FROM generate_series(" + first + ", "
                    + (first + 2) + ") g");
        }
        long lastCommit = Long.parseLong(query("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"));
        await(() -> FlinkJobs.committed(output).size() >= ROWS, () -> ROWS + " changes committed by the sink; "
                + FlinkJobs.committed(output).size() + " are (failure induced: " + JobHooks.FAILED.get() + ")");
        await(() -> confirmedFlush() >= lastCommit, () -> "the slot confirmed up to " + lastCommit + ", it is at "
                + confirmedFlush());

        Thread.sleep(500); // a few more checkpoints: a change written twice would be committed too
        List<String> changes = FlinkJobs.committed(output).stream().map(PostgresCdcInputOnFlinkTest::change).toList();
        assertFalse(job.getJobStatus().get().isGloballyTerminalState(), "a change feed's job never ends by itself");
        assertTrue(JobHooks.FAILED.get(), "the failure was induced");
        FlinkJobs.assertExactlyOnce(IntStream.rangeClosed(1, ROWS).mapToObj(id -> "insert " + id).toList(), changes);
    }

    /** A committed record as {@code "insert 7"}. */
    private static String change(String json) {
        JsonObject record = Json.createReader(new StringReader(json)).readObject();
        return record.getString("op") + " " + record.getJsonObject("new").getJsonNumber("id").longValue();
    }

    private long confirmedFlush() {
        String lsn = query("SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = '"
                + slot + "'");
        return lsn == null ? -1 : Long.parseLong(lsn);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private String query(String sql) {
        try (Statement statement = admin.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void await(BooleanSupplier condition, Supplier<String> what) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (job != null && job.getJobStatus().get().isGloballyTerminalState()) {
                throw new AssertionError("the job ended, waiting for " + what.get());
            }
            assertTrue(System.currentTimeMillis() < deadline, () -> "waited " + PATIENCE_MILLIS + " ms for "
                    + what.get());
            Thread.sleep(20);
        }
    }
}
