package io.connectorkit.runner;

import io.connectorkit.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The source side of a CDC kill loop on the PostgreSQL server of {@link TestPostgres}: a published table, its slot
 * (made up front, so that its first position is known) and a writer thread that commits small transactions of
 * inserts and updates until stopped, keeping the list of every change it committed, as {@code I:id:value} or
 * {@code U:id:value}. {@link #close()} stops the writer and drops the slot, the publication and the table.
 */
final class CdcTestSource implements AutoCloseable {

    private final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    private final long seed;
    private volatile boolean writing;
    private volatile Throwable writerFailure;
    private Thread writer;
    private final long createdAt;

    /** Creates the table, its publication and the slot; the writer's choices follow {@code seed}. */
    CdcTestSource(long seed) throws SQLException {
        this.seed = seed;
        execute("CREATE TABLE " + table() + " (id BIGINT PRIMARY KEY, v TEXT)");
        execute("CREATE PUBLICATION " + publication() + " FOR TABLE " + table());
        execute("SELECT pg_create_logical_replication_slot('" + slot() + "', 'pgoutput')");
        createdAt = confirmedFlush();
    }

    String table() {
        return "cdc_kill_" + suffix;
    }

    String slot() {
        return "ck_cdc_kill_" + suffix;
    }

    String publication() {
        return "ck_cdc_kill_pub_" + suffix;
    }

    /** The input's configuration as JSON. */
    String configuration() {
        return "{\"configuration\": {\"url\": \"" + TestPostgres.URL + "\", \"slot\": \"" + slot()
                + "\", \"publication\": \"" + publication() + "\", \"tables\": [\"" + table() + "\"]}}";
    }

    /** The slot's confirmed position when it was made. */
    long createdAt() {
        return createdAt;
    }

    /** Starts the writer thread. */
    void startWriting() {
        writing = true;
        writer = new Thread(this::write, "cdc-writer");
        writer.start();
    }

    /** Stops the writer; returns every change it committed. */
    List<String> stopWriting() throws InterruptedException {
        writing = false;
        writer.join(TimeUnit.MINUTES.toMillis(1));
        if (writerFailure != null) {
            throw new AssertionError("the writer failed", writerFailure);
        }
        return List.copyOf(committed);
    }

    private void write() {
        Random random = new Random(seed);
        long nextId = 1;
        long updates = 0;
        try (Connection connection = DriverManager.getConnection(TestPostgres.URL);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            while (writing) {
                List<String> changes = new ArrayList<>();
                for (int i = 1 + random.nextInt(20); i > 0; i--) {
                    if (nextId > 20 && random.nextInt(4) == 0) {
                        long id = 1 + (long) (random.nextDouble() * (nextId - 1));
                        String value = "u" + ++updates;
                        statement.execute("UPDATE " + table() + " SET v = '" + value + "' WHERE id = " + id);
                        changes.add("U:" + id + ":" + value);
                    } else {
                        long id = nextId++;
                        statement.execute("INSERT INTO " + table() + " VALUES (" + id + ", 'i" + id + "')");
                        changes.add("I:" + id + ":i" + id);
                    }
                }
                connection.commit();
                committed.addAll(changes);
                Thread.sleep(10); // about 800 changes a second: the runner keeps up between kills
            }
        } catch (Throwable e) {
            writerFailure = e;
        }
    }

    /** The change a record stands for, as the writer lists it. */
    static String change(jakarta.json.JsonObject record) {
        jakarta.json.JsonObject row = record.getJsonObject("new");
        return (record.getString("op").equals("insert") ? "I:" : "U:") + row.getJsonNumber("id").longValue() + ":"
                + row.getString("v");
    }

    /** The slot's {@code confirmed_flush_lsn} as a number; -1 when there is no slot. */
    long confirmedFlush() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots "
                        + "WHERE slot_name = '" + slot() + "'")) {
            return row.next() ? row.getLong(1) : -1;
        }
    }

    /** Stops the writer, drops the slot once no runner holds it, the publication and the table. */
    @Override
    public void close() throws Exception {
        writing = false;
        if (writer != null) {
            writer.join(TimeUnit.MINUTES.toMillis(1));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && "true".equals(query("SELECT active::text FROM pg_replication_slots "
                + "WHERE slot_name = '" + slot() + "'"))) {
            Thread.sleep(20);
        }
        try {
            execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot() + "'");
        } finally {
            execute("DROP PUBLICATION IF EXISTS " + publication());
            execute("DROP TABLE IF EXISTS " + table());
        }
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement();
                ResultSet row = s.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestPostgres.URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
