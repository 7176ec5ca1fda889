package io.connectorkit.store.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC sink on embedded H2: rows and checkpoint commit together or not at all. */
class JdbcSinkTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String COMPONENT = "test/source";

    private String url;
    private JdbcCheckpointStore store;

    @BeforeEach
    void database() {
        url = "jdbc:h2:mem:sink" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        store = JdbcCheckpointStore.connect(url, null, null, JdbcCheckpointStore.DEFAULT_TABLE,
                StoreOptions.DEFAULTS.withMaxCheckpointBytes(200));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void rowsAndTheirCheckpointBecomeVisibleTogether() throws SQLException {
        try (JdbcSink sink = sink("out")) {
            sink.write(row(1, "a"));
            sink.write(row(2, "b"));
            // H2 commits the CREATE TABLE at once (PostgreSQL would not), but no row is visible before the commit.
            assertEquals(0, count("out"), "no row visible before commit");
            sink.commit(COMPONENT, checkpoint(2));
            assertEquals(2, count("out"));
            assertEquals(2, sinceId());
            sink.write(row(3, "c"));
        }
        assertEquals(2, count("out"), "row 3 was not committed: rolled back at close");
        assertEquals(2, sinceId());
    }

    @Test
    void aFailedCheckpointSaveRollsTheRowsBackToo() throws SQLException {
        try (JdbcSink sink = sink("out")) {
            sink.write(row(1, "a"));
            sink.commit(COMPONENT, checkpoint(1));
            sink.write(row(2, "b"));
            JsonObject tooBig = Json.createObjectBuilder().add("sinceId", 2).add("pad", "x".repeat(300)).build();
            SinkException error = assertThrows(SinkException.class,
                    () -> sink.commit(COMPONENT, new CheckpointState(1, tooBig).toJson()));
            assertTrue(error.getMessage().contains("table out"), error.getMessage());
        }
        assertEquals(1, count("out"), "row 2 went with the failed checkpoint");
        assertEquals(1, sinceId());
    }

    @Test
    void anExistingTableMustHaveAColumnForEveryField() throws SQLException {
        execute("CREATE TABLE out (id BIGINT)");
        try (JdbcSink sink = sink("out")) {
            SinkException error = assertThrows(SinkException.class, () -> sink.write(row(1, "a")));
            assertTrue(error.getMessage().contains("no column for field 'name'"), error.getMessage());
        }
    }

    @Test
    void writesIntoAnExistingTableWithTypedColumns() throws SQLException {
        execute("CREATE TABLE out (id INTEGER, name VARCHAR(10), score DOUBLE PRECISION, ok BOOLEAN)");
        try (JdbcSink sink = sink("out")) {
            sink.write(Json.createObjectBuilder().add("id", 7).add("name", "x").add("score", 1.5).add("ok", true)
                    .build());
            sink.write(Json.createObjectBuilder().add("id", 8).addNull("name").add("score", 2).add("ok", false)
                    .build());
            sink.commit(COMPONENT, checkpoint(8));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, score, ok FROM out ORDER BY id")) {
            rs.next();
            assertEquals(7, rs.getInt(1));
            assertEquals("x", rs.getString(2));
            assertEquals(1.5, rs.getDouble(3));
            assertTrue(rs.getBoolean(4));
            rs.next();
            assertEquals(null, rs.getString(2));
            assertEquals(2.0, rs.getDouble(3));
        }
    }

    @Test
    void rejectsRecordsThatAreNotJsonObjectsAndBadTableNames() throws SQLException {
        try (JdbcSink sink = sink("out")) {
            SinkException error = assertThrows(SinkException.class, () -> sink.write(42L));
            assertTrue(error.getMessage().contains("records must be JSON objects, got java.lang.Long"));
        }
        assertThrows(IllegalArgumentException.class, () -> sink("out; DROP TABLE x"));
    }

    private JdbcSink sink(String table) throws SQLException {
        return new JdbcSink(DriverManager.getConnection(url), store, table, "job", "0");
    }

    private static JsonObject row(int id, String name) {
        return Json.createObjectBuilder().add("id", id).add("name", name).build();
    }

    private static JsonObject checkpoint(int sinceId) {
        return new CheckpointState(1, Json.createObjectBuilder().add("sinceId", sinceId).build()).toJson();
    }

    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int sinceId() {
        return store.loadLatest("job", "0").orElseThrow().checkpoint().getJsonObject("$checkpoint").getInt("sinceId");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
