package io.connectorkit.samples.jdbc;

import io.connectorkit.runtime.ComponentManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's session on a {@link TestDatabase}, registered on a test class with {@code @RegisterExtension}: before
 * each test it opens an admin connection; {@link #table} creates tables with unique names; after the test they are
 * dropped, the connection is closed and so is the test's {@link #manager() component manager}.
 */
final class TestSession implements BeforeEachCallback, AfterEachCallback {

    private final TestDatabase database;
    private final String tablePrefix;
    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();
    private final List<String> tables = new ArrayList<>();
    private Connection admin;

    /** A session on {@code database} whose tables are named {@code tablePrefix} and a random suffix. */
    TestSession(TestDatabase database, String tablePrefix) {
        this.database = database;
        this.tablePrefix = tablePrefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        admin = database.admin();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        } finally {
            admin.close();
            manager.close();
        }
    }

    /** The test's component manager, with checkpointing. */
    ComponentManager manager() {
        return manager;
    }

    /** See {@link TestDatabase#connection()}. */
    Map<String, String> connection() {
        return database.connection();
    }

    /** See {@link TestDatabase#connectionWithWrongPassword(String)}. */
    Map<String, String> connectionWithWrongPassword(String wrongPassword) {
        return database.connectionWithWrongPassword(wrongPassword);
    }

    /** See {@link TestDatabase#connectionWithCredential()}. */
    Map<String, String> connectionWithCredential() {
        return database.connectionWithCredential();
    }

    /** {@link #connection()} with the options that read {@code table} by {@code keyColumn}. */
    Map<String, String> config(String table, String keyColumn) {
        Map<String, String> config = connection();
        config.put("configuration.table", table);
        config.put("configuration.keyColumn", keyColumn);
        return config;
    }

    /** Creates a table with a unique name, dropped after the test. */
    String table(String columns) throws SQLException {
        String name = tablePrefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        tables.add(name);
        sql("CREATE TABLE " + name + " (" + columns + ")");
        return name;
    }

    void sql(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Inserts one row, {@code values} bound in column order. */
    void insert(String table, Object... values) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(values.length, "?"));
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }
}
