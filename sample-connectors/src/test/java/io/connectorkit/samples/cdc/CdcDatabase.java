package io.connectorkit.samples.cdc;

import io.connectorkit.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One CDC test's objects on the PostgreSQL server of {@link TestPostgres}, registered with {@code @RegisterExtension}:
 * a slot, a publication and tables named with a random suffix, all dropped after the test even when it failed (a
 * leaked slot would pin the server's WAL for ever). The slot is dropped once no reader holds it.
 */
public final class CdcDatabase implements BeforeEachCallback, AfterEachCallback {

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> tables = new ArrayList<>();
    private final List<AutoCloseable> closeFirst = new ArrayList<>();
    private Connection admin;

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        admin = DriverManager.getConnection(TestPostgres.URL);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (AutoCloseable closeable : closeFirst) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // an input already failed: still drop what the test made
                }
            }
            dropSlot();
            execute("DROP PUBLICATION IF EXISTS " + publication());
            for (String table : tables) {
                execute("DROP TABLE IF EXISTS " + table);
            }
        } finally {
            admin.close();
        }
    }

    /** {@code closeable} (an input, a child process) is closed after the test, before the slot is dropped. */
    public <T extends AutoCloseable> T closeAfter(T closeable) {
        closeFirst.add(closeable);
        return closeable;
    }

    /** The test's slot name. */
    public String slot() {
        return "ck_cdc_" + suffix;
    }

    /** The test's publication name. */
    public String publication() {
        return "ck_cdc_pub_" + suffix;
    }

    /** Creates the table {@code cdc_<suffix>_<name>} with {@code columns} and returns its name. */
    public String table(String name, String columns) throws SQLException {
        String table = "cdc_" + suffix + "_" + name;
        tables.add(table);
        execute("CREATE TABLE " + table + " (" + columns + ")");
        return table;
    }

    /** The input's connection options, slot and publication, with {@code tables} to publish. */
    public Map<String, String> configuration(String... published) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("configuration.url", TestPostgres.URL);
        configuration.put("configuration.slot", slot());
        configuration.put("configuration.publication", publication());
        for (int i = 0; i < published.length; i++) {
            configuration.put("configuration.tables[" + i + "]", published[i]);
        }
        return configuration;
    }

    /** Runs {@code sql} statements in one transaction. */
    public void transaction(String... sql) throws SQLException {
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
            admin.commit();
        } catch (SQLException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(true);
        }
    }

    /** Runs {@code sql}, outside any transaction. */
    public void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, as text; {@code null} when there is no row. */
    public String query(String sql) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** The slot's {@code confirmed_flush_lsn}, as a number; -1 when the slot does not exist. */
    public long confirmedFlush() throws SQLException {
        String lsn = query("SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = '"
                + slot() + "'");
        return lsn == null ? -1 : Long.parseLong(lsn);
    }

    /** The slot's {@code restart_lsn}, as a number; -1 when the slot does not exist. */
    public long restartLsn() throws SQLException {
        String lsn = query("SELECT restart_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = '"
                + slot() + "'");
        return lsn == null ? -1 : Long.parseLong(lsn);
    }

    /** {@code lsn} ({@code "0/1A2B"}) as a number. */
    public long lsn(String lsn) throws SQLException {
        return Long.parseLong(query("SELECT '" + lsn + "'::pg_lsn - '0/0'::pg_lsn"));
    }

    /** Drops the slot once no reader holds it (a stopped input's walsender may take a moment to exit). */
    public void dropSlot() throws SQLException {
        awaitTrue(() -> {
            try {
                return !"true".equals(query("SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot()
                        + "'"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "the slot " + slot() + " is released");
        execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot()
                + "'");
    }

    /** Polls {@code condition} until it holds; fails after a minute, naming {@code what}. */
    public static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within a minute: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
