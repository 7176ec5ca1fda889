package io.connectorkit.flink;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * jdbc-input on PostgreSQL: a table of 12,000 rows cut into five key ranges, a safe point every 300 rows (more than
 * one read call reads), on the MiniCluster. Skipped without a server, required with
 * {@code CONNECTORKIT_REQUIRE_POSTGRES=true}.
 */
@RequiresPostgres
class PostgresJdbcInputOnFlinkTest extends ExactlyOnceContract {

    private static final int ROWS = 12_000;

    private String table;
    private Map<String, String> configuration;

    @BeforeEach
    void createTable() throws SQLException {
        table = "ck_flink_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v VARCHAR(40))");
            s.execute("INSERT INTO " + table + " SELECT g, 'value ' || g FROM generate_series(1, " + ROWS + ") g");
        }
        configuration = Map.of("configuration.url", TestPostgres.URL,
                "configuration.table", table,
                "configuration.keyColumn", "id",
                "configuration.fetchSize", "100",
                "configuration.batchSize", "300");
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Override
    String family() {
        return "jdbc";
    }

    @Override
    String name() {
        return "jdbc-input";
    }

    @Override
    Map<String, String> configuration() {
        return configuration;
    }

    /** Five key ranges of 2,400 keys. */
    @Override
    ConnectorKitSourceBuilder builder() {
        return ConnectorKitSource.builder(family(), name()).configuration(configuration).desiredSplitSize(2400);
    }

    /**
     * Early, so that the subtask that reads the most (at least three ranges of the five) has thousands of records
     * left to wait for a checkpoint in, and a stopped job thousands for the next one.
     */
    @Override
    long failAfter() {
        return 600;
    }
}
