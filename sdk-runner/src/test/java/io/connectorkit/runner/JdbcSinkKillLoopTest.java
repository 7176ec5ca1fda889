package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --sink jdbc:postgresql...}: the runner in a child JVM killed with SIGKILL 20 times, then finished. Rows
 * and checkpoints commit together, so the output table must hold every source record exactly once: same count,
 * distinct ids and checksum as the source.
 */
class JdbcSinkKillLoopTest {

    /** Fixed, so that CI runs the same kills every time; -Dcrashloop.seed=N runs others (the seed is in every failure). */
    private static final long SEED = Long.getLong("crashloop.seed", 20261121L);
    private static final int TOTAL = 400_000;
    private static final String FIRST_DATE = "2024-01-01";

    @TempDir
    Path dir;

    private final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private final String table = "sink_kill_" + suffix;
    private final String job = "sink-kill-" + suffix;
    private String url;

    @AfterEach
    void dropTheOutputAndTheJob() throws SQLException {
        if (url != null) {
            execute("DROP TABLE IF EXISTS " + table);
            Cli.run("checkpoint", "delete", "--store", url, "--job", job, "--yes");
        }
    }

    @Test
    @RequiresPostgres
    void twentyKillsLeaveEveryRecordInTheTableExactlyOnce() throws Exception {
        url = TestPostgres.URL;
        Path configuration = Files.writeString(dir.resolve("source.json"), "{\"configuration\": {\"total\": " + TOTAL
                + ", \"batchSize\": 1, \"firstDate\": \"" + FIRST_DATE + "\"}}");
        List<String> arguments = List.of("--family", "checkpoint", "--name", "list-input",
                "--configuration", configuration.toString(), "--sink", url, "--table", table, "--job", job,
                "--every", "1000", "--quiet");
        // Progress is the committed generations; a run is killed after up to 12 commits (12,000 rows).
        KillLoop loop = new KillLoop(dir, arguments, this::committedGenerations, 12);
        Random random = new Random(SEED);
        for (int kill = 0; kill < 20; kill++) {
            loop.killOnce(random);
        }
        loop.finish();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id), "
                        + "md5(string_agg(id || ':' || date, ',' ORDER BY id)) FROM " + table)) {
            rs.next();
            assertEquals(TOTAL, rs.getLong(1), "rows in the output (seed " + SEED + ")");
            assertEquals(TOTAL, rs.getLong(2), "distinct ids: none twice (seed " + SEED + ")");
            assertEquals(sourceChecksum(), rs.getString(3), "the rows are the source's rows");
        }
    }

    /** The md5 of {@code id:date} for ids 1..TOTAL, as list-input produces them, joined by commas. */
    private static String sourceChecksum() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        LocalDate first = LocalDate.parse(FIRST_DATE);
        for (int id = 1; id <= TOTAL; id++) {
            md5.update(((id > 1 ? "," : "") + id + ":" + first.plusDays(id)).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private long committedGenerations() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(generation), 0) FROM connectorkit_checkpoints "
                        + "WHERE job = '" + job + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0; // the table is created by the first run
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
