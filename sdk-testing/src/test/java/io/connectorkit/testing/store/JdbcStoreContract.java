package io.connectorkit.testing.store;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on {@link JdbcCheckpointStore}; each test gets its own freshly named tables, dropped after it. */
abstract class JdbcStoreContract extends CheckpointStoreContract {

    private String table;

    /** The database under test, user and password (if any) in the URL. */
    abstract String url();

    @BeforeEach
    void uniqueTable() {
        table = "ck_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @AfterEach
    void dropTables() throws SQLException {
        closeStores();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("DROP TABLE IF EXISTS " + table + "_locks");
            s.execute("DROP TABLE IF EXISTS " + table + "_saved");
        }
    }

    @Override
    protected CheckpointStore newStore(StoreOptions options) {
        return JdbcCheckpointStore.connect(url(), null, null, table, options);
    }
}
