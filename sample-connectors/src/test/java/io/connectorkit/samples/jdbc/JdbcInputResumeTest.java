package io.connectorkit.samples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.testing.ConnectorTest;
import io.connectorkit.testing.ConnectorTester;
import io.connectorkit.testing.MigrationSummary;
import io.connectorkit.testing.ResumeSummary;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jdbc-input through the recovery test kit, on embedded H2: resume from every checkpoint (key mode and updated-at
 * mode), a crash at every row, keys that never go backwards, and the golden checkpoint of version 1.
 */
@ConnectorTest
class JdbcInputResumeTest {

    private static final String URL = "jdbc:h2:mem:jdbc_input_resume;DATABASE_TO_LOWER=TRUE";
    private static Connection keepAlive;

    @BeforeAll
    static void createTable() throws SQLException {
        keepAlive = DriverManager.getConnection(URL);
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(20), updated_at TIMESTAMP)");
        }
        try (PreparedStatement insert = keepAlive.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
            LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
            for (int id = 1; id <= 400; id++) {
                insert.setLong(1, id);
                insert.setString(2, "c" + id % 7);
                insert.setObject(3, start.plusMinutes(id / 5)); // five rows share each timestamp: ties on the key
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterAll
    static void dropTable() throws SQLException {
        keepAlive.close();
    }

    @Test
    void resumesFromEveryCheckpointByKey(ConnectorTester tester) {
        ResumeSummary summary = tester.resumeCheck("jdbc", "jdbc-input", config(Map.of()))
                .orderedBy(state -> Long.parseLong(state.getString("lastKey")))
                .duplicateBound(25)
                .verify();

        assertEquals(400, summary.records());
        assertEquals(16, summary.checkpoints());
    }

    @Test
    void resumesFromEveryCheckpointByUpdatedAt(ConnectorTester tester) {
        ResumeSummary summary = tester.resumeCheck("jdbc", "jdbc-input",
                        config(Map.of("configuration.updatedAtColumn", "updated_at")))
                .orderedBy(state -> state.getString("watermark") + "/" + String.format("%010d",
                        Long.parseLong(state.getString("lastKey"))))
                .duplicateBound(25)
                .verify();

        assertEquals(400, summary.records());
    }

    @Test
    void readsEveryCheckpointVersion(ConnectorTester tester) {
        MigrationSummary summary = tester.migrationCheck("jdbc", "jdbc-input", config(Map.of())).verify();

        assertEquals(1, summary.currentVersion());
        assertEquals(List.of(1), summary.versionsChecked());
    }

    private static Map<String, String> config(Map<String, String> more) {
        Map<String, String> config = new HashMap<>(Map.of("configuration.url", URL, "configuration.table", "orders",
                "configuration.keyColumn", "id", "configuration.fetchSize", "60", "configuration.batchSize", "25"));
        config.putAll(more);
        return config;
    }
}
