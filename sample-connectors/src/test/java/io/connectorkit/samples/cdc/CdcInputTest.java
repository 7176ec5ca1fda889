package io.connectorkit.samples.cdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.samples.cdc.CdcReader.Taken;
import io.connectorkit.testsupport.RequiresLogicalReplication;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code postgres/cdc-input} on the local server: changes of several tables in commit order with their values,
 * transactions whole, checkpoints at transaction ends only, resume, acknowledgement only of committed checkpoints,
 * and the errors of a lost slot or a checkpoint the slot has passed.
 */
@RequiresLogicalReplication
class CdcInputTest {

    @RegisterExtension
    final CdcDatabase db = new CdcDatabase();

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private CdcReader reader(Map<String, String> configuration) {
        return db.closeAfter(new CdcReader(manager, configuration));
    }

    private static Map<String, String> from(Map<String, String> configuration, Taken checkpoint) {
        Map<String, String> resumed = new HashMap<>(configuration);
        resumed.put("$checkpoint.lsn", checkpoint.lsn());
        return resumed;
    }

    /** {@code record} without what changes from run to run: the commit's position, time and transaction id. */
    private static JsonObject withoutTransaction(JsonObject record) {
        JsonObjectBuilder copy = Json.createObjectBuilder(record);
        copy.remove("lsn");
        copy.remove("commitTime");
        copy.remove("xid");
        return copy.build();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void insertsUpdatesAndDeletesOfSeveralTablesArriveInCommitOrderWithTheirValues() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT, amount NUMERIC(10,2)");
        String notes = db.table("notes", "id INT PRIMARY KEY, body TEXT");
        db.execute("ALTER TABLE " + notes + " REPLICA IDENTITY FULL");
        String other = db.table("other", "id INT");
        CdcReader reader = reader(db.configuration(orders, notes));

        db.transaction("INSERT INTO " + orders + " VALUES (1, 'ann', 10.50)",
                "INSERT INTO " + notes + " VALUES (1, 'hello')");
        db.execute("INSERT INTO " + other + " VALUES (1)"); // not published
        db.transaction("UPDATE " + orders + " SET amount = 11 WHERE id = 1",
                "UPDATE " + notes + " SET body = 'bye' WHERE id = 1");
        db.transaction("UPDATE " + orders + " SET id = 2 WHERE id = 1");
        db.transaction("DELETE FROM " + orders + " WHERE id = 2", "DELETE FROM " + notes + " WHERE id = 1");

        List<JsonObject> records = reader.read(7);
        String o = "'schemaName':'public','tableName':'" + orders + "'";
        String n = "'schemaName':'public','tableName':'" + notes + "'";
        assertEquals(List.of(
                json("{'op':'insert'," + o + ",'key':{'id':1},'new':{'id':1,'customer':'ann','amount':10.50},"
                        + "'old':null,'unchangedToast':null}"),
                json("{'op':'insert'," + n + ",'key':{'id':1},'new':{'id':1,'body':'hello'},'old':null,"
                        + "'unchangedToast':null}"),
                json("{'op':'update'," + o + ",'key':{'id':1},'new':{'id':1,'customer':'ann','amount':11.00},"
                        + "'old':null,'unchangedToast':null}"),
                json("{'op':'update'," + n + ",'key':{'id':1},'new':{'id':1,'body':'bye'},"
                        + "'old':{'id':1,'body':'hello'},'unchangedToast':null}"),
                json("{'op':'update'," + o + ",'key':{'id':2},'new':{'id':2,'customer':'ann','amount':11.00},"
                        + "'old':{'id':1},'unchangedToast':null}"),
                json("{'op':'delete'," + o + ",'key':{'id':2},'new':null,'old':{'id':2},'unchangedToast':null}"),
                json("{'op':'delete'," + n + ",'key':{'id':1},'new':null,'old':{'id':1,'body':'bye'},"
                        + "'unchangedToast':null}")),
                records.stream().map(CdcInputTest::withoutTransaction).toList());
        List<Long> xids = records.stream().map(r -> r.getJsonNumber("xid").longValue()).toList();
        assertEquals(xids.get(0), xids.get(1));
        assertEquals(xids.get(2), xids.get(3));
        assertEquals(xids.get(5), xids.get(6));
        assertEquals(4, xids.stream().distinct().count(), "four transactions: " + xids);
        for (int i = 1; i < records.size(); i++) {
            assertTrue(db.lsn(records.get(i - 1).getString("lsn")) <= db.lsn(records.get(i).getString("lsn")),
                    "commit positions in order: " + records);
        }
        Instant.parse(records.get(0).getString("commitTime"));
        for (int i = 0; i < 20; i++) {
            assertTrue(!reader.poll(), "nothing from the unpublished table");
        }
    }

    @Test
    void anUnchangedToastedValueIsListedAndATruncateGivesOneRecordPerTable() throws Exception {
        String docs = db.table("docs", "id INT PRIMARY KEY, title TEXT, body TEXT");
        String tags = db.table("tags", "id INT PRIMARY KEY");
        db.execute("ALTER TABLE " + docs + " ALTER COLUMN body SET STORAGE EXTERNAL"); // stored out of line, as is
        CdcReader reader = reader(db.configuration(docs, tags));
        db.execute("INSERT INTO " + docs + " VALUES (1, 'a', repeat('long text ', 2000))");
        db.execute("UPDATE " + docs + " SET title = 'b' WHERE id = 1");
        db.execute("TRUNCATE " + docs + ", " + tags);

        List<JsonObject> records = reader.read(4);
        JsonObject update = records.get(1);
        assertEquals(json("{'id':1,'title':'b'}"), update.getJsonObject("new"), "the TOASTed body was not sent");
        assertEquals(List.of("body"), update.getJsonArray("unchangedToast").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of("truncate", "truncate"), records.subList(2, 4).stream().map(r -> r.getString("op"))
                .toList());
        assertEquals(List.of(docs, tags), records.subList(2, 4).stream().map(r -> r.getString("tableName"))
                .toList());
        assertEquals(records.get(2).getJsonNumber("xid"), records.get(3).getJsonNumber("xid"));
    }

    @Test
    void transactionsArriveInCommitOrderNotInTheOrderTheyBegan() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        CdcReader reader = reader(db.configuration(orders));
        try (Connection first = DriverManager.getConnection(TestPostgres.URL);
                Connection second = DriverManager.getConnection(TestPostgres.URL)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement a = first.createStatement(); Statement b = second.createStatement()) {
                a.execute("INSERT INTO " + orders + " VALUES (1, 'began first')");
                b.execute("INSERT INTO " + orders + " VALUES (2, 'began second')");
                second.commit();
                a.execute("INSERT INTO " + orders + " VALUES (3, 'began first')");
                first.commit();
            }
        }
        List<Long> ids = reader.read(3).stream().map(r -> r.getJsonObject("key").getJsonNumber("id").longValue())
                .toList();
        assertEquals(List.of(2L, 1L, 3L), ids);
    }

    @Test
    void aLargeTransactionArrivesWholeAndCheckpointsComeOnlyAtTransactionEnds() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        String notes = db.table("notes", "id INT PRIMARY KEY, body TEXT");
        CdcReader reader = reader(db.configuration(orders, notes));
        db.transaction("INSERT INTO " + orders + " VALUES (1, 'small')");
        db.transaction("INSERT INTO " + orders + " SELECT g, 'large ' || g FROM generate_series(2, 20001) g",
                "INSERT INTO " + notes + " VALUES (1, 'in the large one')");
        db.transaction("INSERT INTO " + orders + " VALUES (20002, 'small')");

        List<JsonObject> records = reader.read(20_003);
        for (int i = 0; i < 20_001; i++) {
            assertEquals(i + 1, records.get(i).getJsonObject("key").getJsonNumber("id").longValue());
        }
        assertEquals(notes, records.get(20_001).getString("tableName"));
        assertEquals(20_002, records.get(20_002).getJsonObject("new").getJsonNumber("id").longValue());
        for (int i = 0; i < 5; i++) {
            reader.poll(); // idle: the last transaction's end is delivered
        }
        List<Taken> checkpoints = reader.checkpoints();
        assertTrue(checkpoints.stream().anyMatch(c -> c.afterRecords() == 20_002),
                "the interval (1,000 records) passed inside the large transaction, so a checkpoint came at its end: "
                        + checkpoints.stream().map(Taken::afterRecords).toList());
        for (Taken checkpoint : checkpoints) {
            int k = checkpoint.afterRecords();
            if (k > 0 && k < records.size()) {
                assertNotEquals(records.get(k - 1).getJsonNumber("xid"), records.get(k).getJsonNumber("xid"),
                        "checkpoint " + checkpoint.lsn() + " after record " + k + " is inside a transaction");
            }
        }
    }

    @Test
    void aResumeFromACheckpointReadsTheTransactionsAfterItOnce() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        Map<String, String> configuration = db.configuration(orders);
        CdcReader reader = reader(configuration);
        db.transaction("INSERT INTO " + orders + " VALUES (1, 'a')", "INSERT INTO " + orders + " VALUES (2, 'b')");
        reader.read(2);
        Taken afterFirst = idleCheckpoint(reader);
        db.transaction("INSERT INTO " + orders + " VALUES (3, 'c')", "UPDATE " + orders + " SET customer = 'd'");
        List<JsonObject> rest = List.copyOf(reader.read(4));
        reader.close();

        CdcReader resumed = reader(from(configuration, afterFirst));
        assertEquals(rest, resumed.read(4));
        for (int i = 0; i < 20; i++) {
            assertTrue(!resumed.poll(), "nothing more after the resume: " + resumed.records());
        }
    }

    @Test
    void theSlotIsAcknowledgedOnlyUpToACommittedCheckpoint() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        Map<String, String> configuration = db.configuration(orders);
        CdcReader reader = reader(configuration);
        long created = db.confirmedFlush();
        db.transaction("INSERT INTO " + orders + " VALUES (1, 'a')");
        reader.read(1);
        Taken first = idleCheckpoint(reader);
        db.transaction("INSERT INTO " + orders + " VALUES (2, 'b')");
        reader.read(1);
        Taken second = idleCheckpoint(reader);
        for (int i = 0; i < 20; i++) {
            reader.poll(); // status updates go out while polling; none may acknowledge what was not committed
        }
        assertEquals(created, db.confirmedFlush(), "no checkpoint committed yet: the slot stays where it was made");

        reader.commit(first);
        CdcDatabase.awaitTrue(() -> confirmed() == lsn(first.lsn()), "the slot confirms the committed checkpoint");
        reader.close();
        assertEquals(db.lsn(first.lsn()), db.confirmedFlush(), "the stop does not acknowledge more than committed");

        CdcReader resumed = reader(from(configuration, first));
        assertEquals(reader.records().get(1), resumed.read(1).get(0), "the uncommitted transaction is read again");
        assertEquals(second.lsn(), idleCheckpoint(resumed).lsn());
    }

    @Test
    void aDroppedSlotIsAnErrorNotAFreshStart() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        Map<String, String> configuration = db.configuration(orders);
        CdcReader reader = reader(configuration);
        db.transaction("INSERT INTO " + orders + " VALUES (1, 'a')");
        reader.read(1);
        Taken checkpoint = idleCheckpoint(reader);
        reader.close();
        db.dropSlot();

        ComponentException error = assertThrows(ComponentException.class,
                () -> reader(from(configuration, checkpoint)));
        assertTrue(error.getMessage().contains("the replication slot '" + db.slot() + "' does not exist, but the "
                + "job's checkpoint is at " + checkpoint.lsn() + ": the changes committed since then were kept by "
                + "that slot only"), error.getMessage());
        assertTrue(error.getMessage().contains("ck checkpoint delete --job ID --yes"), error.getMessage());
        assertEquals(-1, db.confirmedFlush(), "the slot was not created again");
    }

    @Test
    void aCheckpointTheSlotHasPassedIsAnError() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        Map<String, String> configuration = db.configuration(orders);
        CdcReader reader = reader(configuration);
        db.transaction("INSERT INTO " + orders + " VALUES (1, 'a')");
        reader.read(1);
        Taken older = idleCheckpoint(reader);
        db.transaction("INSERT INTO " + orders + " VALUES (2, 'b')");
        reader.read(1);
        Taken newer = idleCheckpoint(reader);
        reader.commit(newer);
        CdcDatabase.awaitTrue(() -> confirmed() == lsn(newer.lsn()), "the slot confirms the newer checkpoint");
        reader.close();

        ComponentException error = assertThrows(ComponentException.class, () -> reader(from(configuration, older)));
        assertTrue(error.getMessage().contains("the replication slot '" + db.slot() + "' has confirmed position "
                + newer.lsn() + ", past the job's checkpoint at " + older.lsn()), error.getMessage());
    }

    @Test
    void anIdleInputLetsTheServerRecycleItsWal() throws Exception {
        String orders = db.table("orders", "id BIGINT PRIMARY KEY, customer TEXT");
        String other = db.table("other", "id INT, filler TEXT");
        CdcReader reader = reader(db.configuration(orders));
        long restartBefore = db.restartLsn();
        db.execute("INSERT INTO " + other + " SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g");
        db.execute("SELECT pg_switch_wal()");
        long written = Long.parseLong(db.query("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"));
        CdcDatabase.awaitTrue(() -> {
            try {
                db.execute("CHECKPOINT"); // logs the running transactions a slot's restart position moves to
                for (int i = 0; i < 10; i++) {
                    reader.poll();
                }
                List<Taken> taken = reader.checkpoints();
                if (!taken.isEmpty()) {
                    reader.commit(taken.get(taken.size() - 1)); // as a host does once it is durable
                }
                return db.confirmedFlush() >= written && db.restartLsn() > restartBefore;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the idle slot's positions move past the unpublished writes");
        assertEquals(List.of(), reader.records(), "the unpublished table gives no record");
    }

    @Test
    void valuesAreMappedToJsonAsJdbcInputMapsTheSameRow() throws Exception {
        String types = db.table("types", "id BIGINT PRIMARY KEY, i INT, s SMALLINT, n NUMERIC(12,3), r REAL, "
                + "d DOUBLE PRECISION, nan DOUBLE PRECISION, b BOOLEAN, t TEXT, v VARCHAR(10), dt DATE, tm TIME, "
                + "ts TIMESTAMP, tstz TIMESTAMPTZ, by BYTEA, j JSONB, u UUID, nothing TEXT");
        CdcReader reader = reader(db.configuration(types));
        db.execute("INSERT INTO " + types + " VALUES (1, -7, 3, 12345.678, 1.5, 2.25, 'NaN', true, 'tëxt \"q\"', "
                + "'vc', '2024-01-31', '10:15:30.5', '2024-01-31 10:15:30.123456', '2024-01-31 10:15:30.5+02', "
                + "'\\x0102ff', '{\"a\": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL)");
        JsonObject changed = reader.read(1).get(0).getJsonObject("new");

        Map<String, String> jdbc = new HashMap<>();
        jdbc.put("configuration.url", TestPostgres.URL);
        jdbc.put("configuration.table", types);
        jdbc.put("configuration.keyColumn", "id");
        io.connectorkit.runtime.Input input = manager.findMapper("jdbc", "jdbc-input", 1, jdbc).orElseThrow()
                .create();
        input.start();
        JsonObject read = (JsonObject) input.next();
        input.stop();
        assertEquals(read, changed);
        assertEquals("2024-01-31T08:15:30.5Z", changed.getString("tstz"));
        assertEquals("NaN", changed.getString("nan"));
    }

    @Test
    void aMissingPublicationWithoutTablesIsAnErrorThatSaysWhatToDo() {
        ComponentException error = assertThrows(ComponentException.class, () -> reader(db.configuration()));
        assertTrue(error.getMessage().contains("the publication '" + db.publication() + "' does not exist: list the "
                + "tables to publish in configuration.tables"), error.getMessage());
    }

    @Test
    void aUserWithoutTheReplicationAttributeIsToldWhatItLacks() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestPostgres.URL.contains("user=postgres"),
                "the test logs in as another user by replacing user=postgres in the URL");
        String orders = db.table("orders", "id BIGINT PRIMARY KEY");
        db.execute("CREATE PUBLICATION " + db.publication() + " FOR TABLE " + orders);
        String role = db.slot() + "_user";
        db.execute("CREATE ROLE " + role + " LOGIN");
        try {
            Map<String, String> configuration = db.configuration(orders);
            configuration.put("configuration.url", TestPostgres.URL.replace("user=postgres", "user=" + role));
            ComponentException error = assertThrows(ComponentException.class, () -> reader(configuration));
            assertTrue(error.getMessage().contains("The user needs the REPLICATION attribute (ALTER ROLE ... "
                    + "REPLICATION)"), error.getMessage());
            assertEquals(-1, db.confirmedFlush(), "no slot was made");
        } finally {
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void thePasswordIsInNoErrorMessage() {
        String secret = "Sekr3t-cdc-" + db.slot();
        Map<String, String> configuration = db.configuration("some_table");
        // A database that does not exist: the connection fails, with the password in the URL and as the credential.
        configuration.put("configuration.url", TestPostgres.URL.replaceFirst("/[^/?]+(\\?|$)",
                "/ck_no_such_db_" + db.slot() + "$1") + (TestPostgres.URL.contains("?") ? "&" : "?") + "password="
                + secret);
        configuration.put("configuration.password", secret);
        ComponentException error = assertThrows(ComponentException.class, () -> reader(configuration));
        StringBuilder everything = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            everything.append(t).append('\n');
        }
        assertTrue(everything.toString().contains("cannot open a replication connection"), everything.toString());
        assertTrue(!everything.toString().contains(secret), everything.toString());
    }

    /** Polls the idle input until it delivers a checkpoint past the records read; returns it. */
    private static Taken idleCheckpoint(CdcReader reader) {
        int count = reader.records().size();
        CdcDatabase.awaitTrue(() -> {
            assertTrue(!reader.poll(), "no record while waiting for the idle checkpoint");
            List<Taken> taken = reader.checkpoints();
            return !taken.isEmpty() && taken.get(taken.size() - 1).afterRecords() == count;
        }, "a checkpoint while idle");
        return reader.checkpoints().get(reader.checkpoints().size() - 1);
    }

    private long confirmed() {
        try {
            return db.confirmedFlush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long lsn(String lsn) {
        try {
            return db.lsn(lsn);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
