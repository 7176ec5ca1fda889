package io.connectorkit.runner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.Cli;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Credential} value never reaches a checkpoint (file, H2 table, PostgreSQL table), the records, the metrics,
 * standard output or error (java.util.logging at every level included), nor an error message, for every sample
 * connector with a credential. The runner runs in a child JVM: a crash with {@code --fail-after}, a resume to the end,
 * then a run that fails (a bad value, a wrong password); every byte each produced is searched for the secret.
 *
 * <p>A new connector is one {@link Connector} line in {@link #CONNECTORS}.
 */
class CredentialLeakTest {

    /** A sample connector: its configuration as JSON for a given secret, and a failing one for the error case. */
    record Connector(String family, String name, int records,
                     BiFunction<Path, String, String> configuration, BiFunction<Path, String, String> failing) {
        @Override
        public String toString() {
            return family + "/" + name;
        }
    }

    /** Every sample connector with a credential; a new one is one line here. */
    static final List<Connector> CONNECTORS = List.of(
            new Connector("checkpoint", "list-input", 300,
                    (dir, secret) -> "{\"configuration\": {\"user\": \"demo\", \"password\": \"" + secret
                            + "\", \"total\": 300, \"batchSize\": 40}}",
                    (dir, secret) -> "{\"configuration\": {\"password\": \"" + secret + "\", \"total\": \"many\","
                            + " \"pasword\": \"" + secret + "\"}}"),
            new Connector("jdbc", "jdbc-input", 250,
                    (dir, secret) -> jdbcInput(dir, secret, secret),
                    (dir, secret) -> jdbcInput(dir, secret, secret + "-wrong")));

    /** The stores checkpoints are searched in. */
    enum Store { FILE, H2, POSTGRES }

    /** Every connector with the stores that need no server. */
    static Stream<Arguments> cases() {
        return CONNECTORS.stream().flatMap(c -> Stream.of(Store.FILE, Store.H2).map(s -> Arguments.of(c, s)));
    }

    static Stream<Connector> connectors() {
        return CONNECTORS.stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with the {1} store")
    @MethodSource("cases")
    void theCredentialIsNowhereInWhatTheRunnerWrote(Connector connector, Store store) throws Exception {
        runAndSearch(connector, store);
    }

    @ParameterizedTest(name = "{0} with the POSTGRES store")
    @MethodSource("connectors")
    @RequiresPostgres
    void theCredentialIsNowhereInWhatTheRunnerWroteWithAPostgresStore(Connector connector) throws Exception {
        runAndSearch(connector, Store.POSTGRES);
    }

    /** Runs {@code connector} three times with {@code store}, then searches everything they wrote for the secret. */
    private void runAndSearch(Connector connector, Store store) throws Exception {
        String secret = "S3cr3t-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        String job = "leak-" + connector.name() + "-" + Long.toHexString(System.nanoTime());
        String storeSpec = switch (store) {
            case FILE -> "file:" + dir.resolve("checkpoints");
            case H2 -> "jdbc:h2:file:" + dir.resolve("h2").resolve("checkpoints");
            case POSTGRES -> TestPostgres.URL;
        };
        Path config = Files.writeString(dir.resolve("config.json"), connector.configuration().apply(dir, secret));
        Path output = dir.resolve("out.jsonl");
        Path metrics = dir.resolve("metrics.prom");
        List<String> common = List.of("run", "--family", connector.family(), "--name", connector.name(),
                "--configuration", config.toString(), "--store", storeSpec, "--job", job, "--output",
                output.toString(), "--metrics", metrics.toString(), "--every", "25", "--sync-saves");
        List<Cli.Result> runs = new ArrayList<>();

        Cli.Result crashed = Cli.forkLoggingEverything(dir, args(common, "--fail-after", "110"));
        assertEquals(3, crashed.code(), crashed::all);
        runs.add(crashed);
        Cli.Result resumed = Cli.forkLoggingEverything(dir, args(common));
        assertEquals(0, resumed.code(), resumed::all);
        assertTrue(resumed.all().contains("resumes from checkpoint"), resumed::all);
        runs.add(resumed);

        Path failingConfig = Files.writeString(dir.resolve("failing.json"), connector.failing().apply(dir, secret));
        Cli.Result failed = Cli.forkLoggingEverything(dir, "run", "--family", connector.family(), "--name", connector.name(),
                "--configuration", failingConfig.toString(), "--store", "file:" + dir.resolve("failing-store"),
                "--output", dir.resolve("failing.jsonl").toString());
        assertNotEquals(0, failed.code(), failed::all);
        assertTrue(failed.all().contains("connectorkit: error"), failed::all);
        runs.add(failed);

        // The runs did their work, so the search below looked at real data.
        long lines;
        try (Stream<String> records = Files.lines(output)) {
            lines = records.count();
        }
        assertTrue(lines >= connector.records(), "every record written, some twice: " + lines);
        assertTrue(Files.size(metrics) > 0);

        ByteArrayOutputStream everything = new ByteArrayOutputStream();
        List<String> searched = new ArrayList<>();
        for (Cli.Result run : runs) {
            everything.write(run.out().getBytes(StandardCharsets.UTF_8));
            everything.write(run.err().getBytes(StandardCharsets.UTF_8));
        }
        searched.add(runs.size() + " runs' stdout and stderr");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.equals(config) || file.equals(failingConfig)) {
                    continue; // the configuration holds it, on purpose
                }
                everything.write(Files.readAllBytes(file));
                searched.add(dir.relativize(file).toString());
            }
        }
        if (store != Store.FILE) {
            int rows = appendCheckpointRows(storeSpec, job, everything);
            assertTrue(rows > 0, "checkpoint rows for " + job);
            searched.add(rows + " rows of connectorkit_checkpoints");
        }
        assertTrue(searched.stream().anyMatch(s -> s.contains("checkpoint")), searched::toString);
        String all = everything.toString(StandardCharsets.ISO_8859_1);
        // The secret is ASCII, so a byte search in ISO-8859-1 finds it in any UTF-8 text.
        assertFalse(all.contains(secret), () -> "the secret leaked into one of " + searched);
        assertFalse(all.contains(secret.substring(0, secret.length() - 1)), "not even cut short");
        System.out.printf("credential leak (%s, %s store): %d bytes searched in %d places, secret not found%n",
                connector, store, everything.size(), searched.size());
    }

    /** Appends every column of every row of the job's checkpoints, as text, and returns the row count. */
    private static int appendCheckpointRows(String url, String job, ByteArrayOutputStream into)
            throws SQLException, IOException {
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM connectorkit_checkpoints")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(r.getString(i)).append('|');
                }
                if (row.toString().contains(job)) {
                    rows++;
                }
                into.write(row.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (url.startsWith("jdbc:postgresql:")) {
                try (Statement clean = c.createStatement()) {
                    clean.executeUpdate("DELETE FROM connectorkit_checkpoints WHERE job = '" + job + "'");
                }
            }
        }
        return rows;
    }

    /** An H2 database with a user whose password is {@code password}, and a jdbc-input configuration using {@code given}. */
    private static String jdbcInput(Path dir, String password, String given) {
        String url = "jdbc:h2:file:" + dir.resolve("source").resolve("orders");
        try (Connection c = DriverManager.getConnection(url, "app", password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, customer VARCHAR(20))");
            s.execute("MERGE INTO orders SELECT x, 'c' || MOD(x, 7) FROM SYSTEM_RANGE(1, 250)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "{\"configuration\": {\"url\": \"" + url + "\", \"user\": \"app\", \"password\": \"" + given
                + "\", \"table\": \"orders\", \"keyColumn\": \"id\", \"fetchSize\": 40}}";
    }

    private static String[] args(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
