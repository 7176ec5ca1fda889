package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.testsupport.RequiresLogicalReplication;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import io.connectorkit.store.CheckpointStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postgres/cdc-input} run by the runner in child JVMs killed with SIGKILL 8 times while a thread keeps
 * committing inserts and updates; a last run is stopped with SIGTERM once it has caught up. Into a file every committed
 * change must be there at least once and nothing else; through {@code --sink}, exactly once. All along, the slot's
 * {@code confirmed_flush_lsn} must never pass the job's last durable checkpoint.
 */
@RequiresLogicalReplication
class CdcKillLoopTest {

    /** Fixed, so that CI runs the same kills every time; -Dcrashloop.seed=N runs others (in every failure). */
    private static final long SEED = Long.getLong("crashloop.seed", 20261202L);
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    private final ChildRunners children = new ChildRunners();
    private CdcTestSource source;
    private String sinkTable;
    private String job;

    @AfterEach
    void cleanUp() throws Exception {
        children.close(); // no runner may hold the slot when it is dropped
        if (source != null) {
            source.close();
        }
        if (sinkTable != null) {
            CdcTestSource.execute("DROP TABLE IF EXISTS " + sinkTable);
            Cli.run("checkpoint", "delete", "--store", TestPostgres.URL, "--job", job, "--yes");
        }
    }

    @Test
    void killedRunsIntoAFileLoseNoCommittedChange() throws Exception {
        source = new CdcTestSource(SEED);
        job = "cdc-kill-file";
        Path output = dir.resolve("changes.jsonl");
        Path store = dir.resolve("store");
        List<String> arguments = arguments("--store", Cli.fileStore(store), "--output", output.toString());
        List<String> committed = killLoop(arguments, () -> size(output), 150_000,
                () -> new FileCheckpointStore(store));

        List<String> written = changesIn(output);
        Set<String> unique = new HashSet<>(written);
        Set<String> missing = new TreeSet<>(committed);
        missing.removeAll(unique);
        assertEquals(Set.of(), missing, "committed changes missing from the output (seed " + SEED + ")");
        Set<String> invented = new TreeSet<>(unique);
        invented.removeAll(committed);
        assertEquals(Set.of(), invented, "changes in the output that were never committed (seed " + SEED + ")");
        assertEquals(committed.size(), unique.size(), "every change is distinct: the writer's values are unique");
    }

    @Test
    void killedRunsThroughTheSinkWriteEveryCommittedChangeExactlyOnce() throws Exception {
        source = new CdcTestSource(SEED + 1);
        job = "cdc-kill-sink-" + source.slot();
        sinkTable = "cdc_sink_" + source.slot();
        List<String> arguments = arguments("--sink", TestPostgres.URL, "--table", sinkTable);
        List<String> committed = killLoop(arguments, this::sinkRows, 300, () -> JdbcCheckpointStore.connect(
                TestPostgres.URL, null, null, JdbcCheckpointStore.DEFAULT_TABLE, StoreOptions.DEFAULTS));

        List<String> written = sinkChanges();
        assertEquals(committed.size(), written.size(), "rows in the sink table: each committed change once (seed "
                + SEED + ")");
        assertEquals(new TreeSet<>(committed), new TreeSet<>(written), "the sink holds the committed changes");
    }

    private List<String> arguments(String... output) throws IOException {
        Path configuration = Files.writeString(dir.resolve("cdc.json"), source.configuration());
        List<String> arguments = new ArrayList<>(List.of("--family", "postgres", "--name", "cdc-input",
                "--configuration", configuration.toString(), "--job", job, "--quiet"));
        arguments.addAll(List.of(output));
        return arguments;
    }

    /**
     * Kills the job {@value #KILLS} times while the writer writes, stops the writer, lets a last run catch up and
     * stops it with SIGTERM; returns the committed changes. The slot is watched all along.
     */
    private List<String> killLoop(List<String> arguments, LongSupplier progress, long maxGrowth,
            Supplier<CheckpointStore> stores) throws Exception {
        List<String> committed;
        try (SlotWatch watch = new SlotWatch(source, job, stores)) {
            source.startWriting();
            KillLoop loop = new KillLoop(dir, arguments, progress, maxGrowth);
            Random random = new Random(SEED);
            for (int kill = 0; kill < KILLS; kill++) {
                loop.killOnce(random);
            }
            committed = source.stopWriting();
            List<String> all = new ArrayList<>(List.of("run"));
            all.addAll(arguments);
            Process last = children.track(Cli.start(dir.resolve("last.log"), List.of(), all.toArray(String[]::new)));
            ChildRunners.await(last, () -> caughtUp(arguments, committed), "the last run reads every committed change",
                    () -> read(dir.resolve("last.log")));
            last.destroy(); // SIGTERM: a clean stop with the final checkpoint
            assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the last run stops");
            assertEquals(9, last.exitValue(), () -> read(dir.resolve("last.log")));
            assertEquals(List.of(), watch.stop(), "the slot confirmed a position no durable checkpoint covered (seed "
                    + SEED + ")");
        }
        return committed;
    }

    private boolean caughtUp(List<String> arguments, List<String> committed) throws IOException {
        try {
            Set<String> seen = new HashSet<>(arguments.contains("--sink") ? sinkChanges()
                    : changesIn(Path.of(arguments.get(arguments.indexOf("--output") + 1))));
            return seen.containsAll(committed);
        } catch (SQLException e) {
            return false; // the sink table is not there yet
        }
    }

    private static List<String> changesIn(Path output) throws IOException {
        List<String> changes = new ArrayList<>();
        if (!Files.exists(output)) {
            return changes;
        }
        String text = Files.readString(output);
        // Whole lines only: a running runner may be writing the last one.
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                changes.add(CdcTestSource.change(Json.createReader(new StringReader(line)).readObject()));
            }
        }
        return changes;
    }

    private List<String> sinkChanges() throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT op, new FROM " + sinkTable)) {
            while (rows.next()) {
                JsonObject record = Json.createObjectBuilder().add("op", rows.getString(1))
                        .add("new", Json.createReader(new StringReader(rows.getString(2))).readObject()).build();
                changes.add(CdcTestSource.change(record));
            }
        }
        return changes;
    }

    private long sinkRows() {
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT COUNT(*) FROM " + sinkTable)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            return 0; // made by the first run
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
