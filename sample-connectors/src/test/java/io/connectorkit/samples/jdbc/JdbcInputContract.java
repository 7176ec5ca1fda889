package io.connectorkit.samples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jdbc-input scenarios, run on each database by a subclass (H2 always, PostgreSQL when it answers), through
 * {@link ComponentManager} only. Each test creates its own tables, with unique names, and drops them.
 */
abstract class JdbcInputContract {

    /** 2024-05-01T00:00Z: the updated-at of the test rows is this plus some minutes. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @RegisterExtension
    final TestSession db;

    /** The scenarios on {@code database}. */
    JdbcInputContract(TestDatabase database) {
        db = new TestSession(database, "ck_jdbc_input_");
    }

    // ---------------------------------------------------------------- reading

    @Test
    void fullReadMapsEachColumnToAJsonValue() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, n INTEGER, name VARCHAR(20), amount NUMERIC(10,2), "
                + "ratio DOUBLE PRECISION, active BOOLEAN, born DATE, created TIMESTAMP, "
                + "created_tz TIMESTAMP WITH TIME ZONE, note VARCHAR(20)");
        db.sql("INSERT INTO " + t + " VALUES (1, 7, 'Ada', 12.50, 0.25, TRUE, DATE '1815-12-10', "
                + "TIMESTAMP '2024-05-01 10:15:30.5', TIMESTAMP WITH TIME ZONE '2024-05-01 10:15:30+02:00', 'x')");
        db.sql("INSERT INTO " + t + " (id) VALUES (2)");

        Run run = read(db.config(t, "id"));

        assertEquals(List.of(
                json("{'id': 1, 'n': 7, 'name': 'Ada', 'amount': 12.50, 'ratio': 0.25, 'active': true, "
                        + "'born': '1815-12-10', 'created': '2024-05-01T10:15:30.5', "
                        + "'created_tz': '2024-05-01T08:15:30Z', 'note': 'x'}"),
                json("{'id': 2, 'n': null, 'name': null, 'amount': null, 'ratio': null, 'active': null, "
                        + "'born': null, 'created': null, 'created_tz': null, 'note': null}")), run.records);
        assertEquals(json("{'$checkpoint': {'lastKey': '2', 'keyType': 'LONG', '__version': 1}}"),
                run.lastCheckpoint().toJson());
    }

    @ParameterizedTest(name = "{0} key")
    @ValueSource(strings = {"INTEGER", "VARCHAR(10)"})
    void pagesAreSeparateQueriesBoundWithTheKeysOwnType(String keyType) throws SQLException {
        boolean numeric = keyType.equals("INTEGER");
        String t = db.table("k " + keyType + " PRIMARY KEY, v INTEGER");
        List<Integer> shuffled = range(25);
        Collections.shuffle(shuffled, new Random(7));
        for (int i : shuffled) {
            db.insert(t, numeric ? (Object) i : String.format("k%02d", i), i);
        }
        Map<String, String> config = db.config(t, "k");
        config.put("configuration.fetchSize", "7");

        Input input = create(config);
        List<CheckpointState> checkpoints = new ArrayList<>();
        input.start(checkpoints::add);
        List<Integer> values = new ArrayList<>();
        for (Object record = input.next(); record != null; record = input.next()) {
            values.add(((JsonObject) record).getInt("v"));
            if (values.size() == 3) {
                // Still in the first page of 7: only a later query can see this row.
                db.insert(t, numeric ? (Object) 99 : "k99", 99);
            }
        }
        input.stop();

        List<Integer> expected = range(25);
        expected.add(99);
        assertEquals(expected, values);
        // One checkpoint per batch (batchSize defaults to fetchSize) and the final one.
        assertEquals(List.of("7", "14", "21", "99"), checkpoints.stream()
                .map(c -> c.state().getString("lastKey").replace("k", "").replaceFirst("^0", "")).toList());
        assertEquals(numeric ? "LONG" : "STRING", checkpoints.get(3).state().getString("keyType"));
    }

    @Test
    void queryModeReadsTheQueryAsADerivedTable() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, name VARCHAR(20), secret VARCHAR(20)");
        for (int i = 1; i <= 10; i++) {
            db.insert(t, i, "n" + i, "s" + i);
        }
        Map<String, String> config = db.connection();
        config.put("configuration.query", "SELECT id, name FROM " + t + " WHERE MOD(id, 2) = 0");
        config.put("configuration.keyColumn", "id");
        config.put("configuration.fetchSize", "2");

        Run run = read(config);

        assertEquals(List.of(2, 4, 6, 8, 10), ids(run.records));
        assertEquals(json("{'id': 4, 'name': 'n4'}"), run.records.get(1));
    }

    // ---------------------------------------------------------------- resuming

    @ParameterizedTest(name = "updated-at mode: {0}")
    @ValueSource(booleans = {false, true})
    void crashesWithoutStopAtRandomPointsLoseNoRowAndRepeatAtMostABatch(boolean updatedAtMode) throws SQLException {
        int total = 500;
        int batchSize = 25;
        String t = db.table("id BIGINT PRIMARY KEY, u TIMESTAMP");
        // In updated-at mode the read order (u, id) is not the id order, and many rows share an updated-at.
        List<Integer> order = range(total);
        Collections.shuffle(order, new Random(11));
        for (int i = 0; i < total; i++) {
            db.insert(t, order.get(i), T0.plusSeconds(i / 4).toLocalDateTime());
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.fetchSize", "40");
        config.put("configuration.batchSize", String.valueOf(batchSize));
        if (updatedAtMode) {
            config.put("configuration.updatedAtColumn", "u");
        }

        Random random = new Random(updatedAtMode ? 2024 : 1815);
        Set<Integer> seen = new HashSet<>();
        List<Integer> duplicatesPerResume = new ArrayList<>();
        CheckpointState saved = null;
        int crashes = 0;
        while (true) {
            Map<String, String> resumed = new HashMap<>(config);
            if (saved != null) {
                resumed.putAll(ComponentManager.jsonToMap(saved.toJson()));
            }
            Input input = create(resumed);
            boolean[] dead = {false};
            CheckpointState[] latest = {saved};
            input.start(state -> {
                if (!dead[0]) {
                    latest[0] = state;
                }
            });
            int crashAfter = random.nextInt(1, 120);
            int duplicates = 0;
            Object record = null;
            for (int n = 0; n < crashAfter && (record = input.next()) != null; n++) {
                if (!seen.add(((JsonObject) record).getInt("id"))) {
                    duplicates++;
                }
            }
            duplicatesPerResume.add(duplicates);
            if (record == null) {
                input.stop();
                break;
            }
            // The process dies here: only the checkpoints the callback already had survive. stop() is called only
            // to release the connection; the dead host ignores the final checkpoint it delivers.
            dead[0] = true;
            input.stop();
            saved = latest[0];
            crashes++;
        }

        assertTrue(crashes >= 3, "the seed gives several crashes, got " + crashes);
        assertEquals(range(total),
                seen.stream().sorted().toList(), "no row missing");
        assertTrue(duplicatesPerResume.stream().allMatch(d -> d <= batchSize),
                "each resume repeats at most one batch of " + batchSize + ": " + duplicatesPerResume);
        assertTrue(duplicatesPerResume.stream().anyMatch(d -> d > 0), "some crash came mid-batch");
    }

    @Test
    void aRunFromAFinishedRunsCheckpointReadsOnlyTheNewRows() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, name VARCHAR(20)");
        for (int i = 1; i <= 5; i++) {
            db.insert(t, i, "n" + i);
        }
        Run first = read(db.config(t, "id"));
        assertEquals(List.of(1, 2, 3, 4, 5), ids(first.records));

        db.insert(t, 6, "n6");
        db.insert(t, 7, "n7");
        Run second = read(resume(db.config(t, "id"), first));
        assertEquals(List.of(6, 7), ids(second.records));

        Run third = read(resume(db.config(t, "id"), second));
        assertEquals(List.of(), third.records);
        assertEquals("7", third.lastCheckpoint().state().getString("lastKey"), "an empty run keeps the position");
    }

    @Test
    void updatedAtModeReadsUpdatedRowsAgainAndNewRows() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, name VARCHAR(20), u TIMESTAMP WITH TIME ZONE");
        for (int i = 1; i <= 10; i++) {
            db.insert(t, i, "n" + i, T0.plusMinutes(i));
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.updatedAtColumn", "u");
        config.put("configuration.fetchSize", "3");
        Run first = read(config);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ids(first.records));
        assertEquals(json("{'$checkpoint': {'lastKey': '10', 'keyType': 'LONG', "
                + "'watermark': '2024-05-01T00:10:00Z', '__version': 1}}"), first.lastCheckpoint().toJson());

        db.sql("UPDATE " + t + " SET name = 'changed', u = TIMESTAMP WITH TIME ZONE '2024-05-01 00:20:00+00:00' "
                + "WHERE id = 3");
        db.insert(t, 11, "n11", T0.plusMinutes(20)); // same updated-at as row 3: the key breaks the tie
        db.insert(t, 0, "n0", T0.plusMinutes(20));
        Run second = read(resume(config, first));

        assertEquals(List.of(0, 3, 11), ids(second.records));
        assertEquals("changed", second.records.get(1).getString("name"));
    }

    /** The event-time rule of the class javadoc, exactly: late rows are read only within the lateness window. */
    @Test
    void aLateRowBelowTheWatermarkIsReadOnlyWithinTheLatenessWindow() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, u TIMESTAMP WITH TIME ZONE");
        for (int i = 1; i <= 10; i++) {
            db.insert(t, i, T0.plusMinutes(i));
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.updatedAtColumn", "u");
        config.put("configuration.fetchSize", "2");
        Run first = read(config);
        assertEquals("2024-05-01T00:10:00Z", first.lastCheckpoint().state().getString("watermark"));

        // Committed late: below the watermark of 00:10.
        db.insert(t, 11, T0.plusMinutes(9).plusSeconds(30));
        db.insert(t, 12, T0.plusMinutes(3));

        assertEquals(List.of(), ids(read(resume(config, first)).records), "lateness 0: late rows are not read");

        Map<String, String> lateness = new HashMap<>(config);
        lateness.put("configuration.lateness", String.valueOf(150_000)); // 2.5 minutes: from 00:07:30
        Run windowed = read(resume(lateness, first));
        assertEquals(List.of(8, 9, 11, 10), ids(windowed.records),
                "the window from 00:07:30 again, with the late row 11; row 12 (00:03) is older than the window");
        assertEquals(first.lastCheckpoint(), windowed.lastCheckpoint(), "the watermark does not go down");

        db.insert(t, 13, T0.plusMinutes(11));
        Run next = read(resume(lateness, windowed));
        assertEquals(List.of(8, 9, 11, 10, 13), ids(next.records), "each run re-reads the window");
        assertEquals(json("{'$checkpoint': {'lastKey': '13', 'keyType': 'LONG', "
                + "'watermark': '2024-05-01T00:11:00Z', '__version': 1}}"), next.lastCheckpoint().toJson());
    }

    /** The checkpoint is written when the runtime takes it: taken after any row, it stands exactly at that row. */
    @Test
    void aCheckpointTakenAfterAnyRowStandsAtThatRow() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, u TIMESTAMP WITH TIME ZONE");
        for (int i = 1; i <= 8; i++) {
            db.insert(t, i, T0.plusMinutes(i));
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.updatedAtColumn", "u");
        config.put("configuration.fetchSize", "3");
        Input input = create(config);
        input.start(); // explicit mode: the host takes a checkpoint whenever it likes
        assertEquals(json("{}"), input.getCheckpoint().state(), "before the first row");
        for (int i = 1; i <= 8; i++) {
            input.next();
            assertEquals(json("{'lastKey': '" + i + "', 'keyType': 'LONG', 'watermark': '2024-05-01T00:0" + i
                    + ":00Z'}"), input.getCheckpoint().state(), "after row " + i);
        }
        assertEquals(null, input.next());
        assertEquals("8", input.getCheckpoint().state().getString("lastKey"), "the end moves nothing");
        input.stop();
    }

    @Test
    void aStateRoundTripsThroughJsonToAnEqualState() throws SQLException {
        String t = db.table("id VARCHAR(10) PRIMARY KEY, u TIMESTAMP");
        for (int i = 1; i <= 20; i++) {
            db.insert(t, String.format("r%02d", i), T0.plusSeconds(i / 3).toLocalDateTime());
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.updatedAtColumn", "u");
        config.put("configuration.fetchSize", "5");
        Input input = create(config);
        input.start();
        for (int i = 0; i < 7; i++) {
            input.next();
        }
        CheckpointState state = input.getCheckpoint();
        input.stop();
        assertEquals(json("{'lastKey': 'r07', 'keyType': 'STRING', 'watermark': '2024-05-01T00:00:02Z'}"),
                state.state());

        Map<String, String> resumed = db.config(t, "id");
        resumed.put("configuration.updatedAtColumn", "u");
        resumed.putAll(ComponentManager.jsonToMap(json(state.toJson().toString())));
        Input again = create(resumed);
        again.start();
        assertEquals(state, again.getCheckpoint());
        assertEquals("r08", ((JsonObject) again.next()).getString("id"));
        again.stop();
    }

    // ---------------------------------------------------------------- errors

    @Test
    void aMissingTableIsNamed() {
        String missing = "ck_missing_" + ThreadLocalRandom.current().nextInt(1_000_000);
        ComponentException error = startFails(db.config(missing, "id"));
        assertTrue(error.getMessage().contains("table '" + missing + "' does not exist"), error.getMessage());
    }

    @Test
    void aMissingKeyOrUpdatedAtColumnIsNamedWithItsTable() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, u TIMESTAMP");
        ComponentException noKey = startFails(db.config(t, "nope"));
        assertTrue(noKey.getMessage().contains("column 'nope' (configuration.keyColumn) does not exist in table '"
                + t + "'; its columns are [id, u]"), noKey.getMessage());

        Map<String, String> config = db.config(t, "id");
        config.put("configuration.updatedAtColumn", "modified");
        ComponentException noUpdatedAt = startFails(config);
        assertTrue(noUpdatedAt.getMessage().contains("column 'modified' (configuration.updatedAtColumn) does not "
                + "exist in table '" + t + "'"), noUpdatedAt.getMessage());
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() throws SQLException {
        String wrong = "Wr0ng-Pa55-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String t = db.table("id BIGINT PRIMARY KEY");
        Map<String, String> config = db.connectionWithWrongPassword(wrong);
        config.put("configuration.table", t);
        config.put("configuration.keyColumn", "id");

        ComponentException error = startFails(config);

        assertTrue(error.getMessage().contains("cannot connect to "), error.getMessage());
        assertNoWhere(wrong, error);
    }

    @Test
    void aPasswordInTheUrlIsMaskedInConnectionErrors() {
        // Not a @Credential, so only the connector can mask it: the URL is named in the message.
        Map<String, String> config = new HashMap<>();
        config.put("configuration.url", "jdbc:ck-no-such-driver://db.example/test?user=app&password=InUrl-s3cret");
        config.put("configuration.table", "t");
        config.put("configuration.keyColumn", "id");

        ComponentException error = startFails(config);

        assertTrue(error.getMessage().contains("cannot connect to jdbc:ck-no-such-driver://db.example/test?user=app"
                + "&password=****"), error.getMessage());
        assertNoWhere("InUrl-s3cret", error);
    }

    @Test
    void aUserInfoPasswordInTheUrlIsMaskedAndTheDriversReasonKept() {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.url", "jdbc:ck-no-such-driver://app:InUrl-s3cret@db.example/test");
        config.put("configuration.table", "t");
        config.put("configuration.keyColumn", "id");

        ComponentException error = startFails(config);

        assertTrue(error.getMessage().contains("cannot connect to jdbc:ck-no-such-driver://app:****@db.example/test: "
                + "No suitable driver"), error.getMessage());
        assertNoWhere("InUrl-s3cret", error);
    }

    @Test
    void aKeyThatDoesNotGrowFailsNamingTheColumnAndBothValues() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        for (int i = 1; i <= 9; i++) {
            db.insert(t, i);
        }
        Map<String, String> config = db.connection();
        // grp repeats: with a page boundary between two equal keys, "grp > ?" would skip the second one.
        config.put("configuration.query", "SELECT id / 3 AS grp, id FROM " + t);
        config.put("configuration.keyColumn", "grp");
        Input input = create(config);
        List<CheckpointState> checkpoints = new ArrayList<>();
        input.start(checkpoints::add);
        assertEquals(1, ((JsonObject) input.next()).getInt("id"), "id 1 is in group 0");

        ComponentException error = assertThrows(ComponentException.class, input::next, "id 2 is in group 0 too");
        input.stop();

        assertTrue(error.getMessage().contains("key column 'grp' of the query is not strictly increasing: received 0 "
                + "at or below the checkpoint's lastKey 0"), error.getMessage());
        assertEquals(List.of(), checkpoints, "no checkpoint after the failure");
    }

    @Test
    void bothOrNeitherOfTableAndQueryIsRefused() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        Map<String, String> both = db.config(t, "id");
        both.put("configuration.query", "SELECT * FROM " + t);
        ComponentException error = assertThrows(ComponentException.class, () -> create(both));
        assertTrue(error.getMessage().contains("set exactly one of configuration.table and configuration.query, "
                + "not both"), error.getMessage());

        Map<String, String> neither = db.connection();
        neither.put("configuration.keyColumn", "id");
        ComponentException none = assertThrows(ComponentException.class, () -> create(neither));
        assertTrue(none.getMessage().contains("neither is set"), none.getMessage());
    }

    @Test
    void aCheckpointOfAnotherKeyTypeIsRefused() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        Map<String, String> config = db.config(t, "id");
        config.putAll(ComponentManager.jsonToMap(json(
                "{'$checkpoint': {'lastKey': 'abc', 'keyType': 'STRING', '__version': 1}}")));
        ComponentException error = startFails(config);
        assertTrue(error.getMessage().contains("the checkpoint's keyType is STRING but key column 'id' of table '"
                + t + "' is LONG"), error.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private Run read(Map<String, String> config) {
        return Run.read(create(config));
    }

    private static Map<String, String> resume(Map<String, String> config, Run previous) {
        Map<String, String> resumed = new HashMap<>(config);
        resumed.putAll(ComponentManager.jsonToMap(previous.lastCheckpoint().toJson()));
        return resumed;
    }

    private Input create(Map<String, String> config) {
        return db.manager().findMapper("jdbc", "jdbc-input", 1, config).orElseThrow().create();
    }

    private ComponentException startFails(Map<String, String> config) {
        Input input = create(config);
        ComponentException error = assertThrows(ComponentException.class, () -> input.start(state -> { }));
        input.stop();
        return error;
    }

    private static List<Integer> ids(List<JsonObject> records) {
        return records.stream().map(r -> r.getInt("id")).toList();
    }

    /** JSON with single quotes for readability. */
    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static void assertNoWhere(String secret, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "in a message: " + t);
            assertFalse(t.toString().contains(secret), "in toString(): " + t);
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), "in the stack trace:\n" + trace);
    }

    /** 1 to n, as a mutable list. */
    private static List<Integer> range(int n) {
        return IntStream.rangeClosed(1, n).boxed().collect(Collectors.toCollection(ArrayList::new));
    }
}
