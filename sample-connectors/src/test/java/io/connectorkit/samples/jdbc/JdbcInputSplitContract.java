package io.connectorkit.samples.jdbc;

import static io.connectorkit.samples.jdbc.Run.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.testing.ResumeSummary;
import io.connectorkit.testing.SplitCheck;
import io.connectorkit.testing.SplitSummary;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jdbc-input's key ranges, run on each database by a subclass (H2 always, PostgreSQL when it answers), through
 * {@link ComponentManager} and the split check of the test kit. Each test creates its own tables, with unique names,
 * and drops them.
 */
abstract class JdbcInputSplitContract {

    @RegisterExtension
    final TestSession db;

    /** The key ranges on {@code database}. */
    JdbcInputSplitContract(TestDatabase database) {
        db = new TestSession(database, "ck_jdbc_split_");
    }

    // ---------------------------------------------------------------- the plan

    @Test
    void keysWithGapsAreCutIntoRangesThatAreDisjointCoverTheTableAndEachResume() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, v VARCHAR(10)");
        // 1 to 200 without the multiples of 3 or 7 (115 rows), then a gap, then 1000 to 1050 (51 rows).
        List<Long> keys = new ArrayList<>(LongStream.rangeClosed(1, 200).filter(k -> k % 3 != 0 && k % 7 != 0)
                .boxed().toList());
        LongStream.rangeClosed(1000, 1050).forEach(keys::add);
        Collections.shuffle(keys, new Random(16));
        for (long key : keys) {
            db.insert(t, key, "v" + key);
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.fetchSize", "7");
        config.put("configuration.batchSize", "5");

        SplitSummary summary = splitCheck(config).desiredSize(100).verify();

        assertEquals(1050, summary.estimatedSize(), "MAX - MIN + 1 keys, not rows");
        assertEquals(List.of("keys-start-101", "keys-101-201", "keys-201-301", "keys-301-401", "keys-401-501",
                "keys-501-601", "keys-601-701", "keys-701-801", "keys-801-901", "keys-901-1001", "keys-1001-end"),
                summary.splitIds());
        assertEquals(List.of(57, 58, 0, 0, 0, 0, 0, 0, 0, 1, 50), summary.recordsPerSplit());
        assertEquals(166, summary.records());

        Map<String, ResumeSummary> resumed = splitCheck(config).desiredSize(100)
                .verifyResumeOfEachSplit(split -> split.duplicateBound(5)
                        .orderedBy(state -> Long.parseLong(state.getString("lastKey"))));
        assertEquals(List.of("keys-start-101", "keys-101-201", "keys-901-1001", "keys-1001-end"),
                List.copyOf(resumed.keySet()), "the splits that read a row");
        assertEquals(50, resumed.get("keys-1001-end").records());
    }

    @Test
    void negativeKeysAreCutLikeOthersAndTheirIdsSpellMinusAsM() throws SQLException {
        String t = db.table("id INTEGER PRIMARY KEY");
        for (long key = -25; key < 25; key++) {
            db.insert(t, key);
        }
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.fetchSize", "6");

        SplitSummary summary = splitCheck(config).desiredSize(20).verify();

        assertEquals(50, summary.estimatedSize());
        assertEquals(List.of("keys-start-m5", "keys-m5-15", "keys-15-end"), summary.splitIds());
        assertEquals(List.of(20, 20, 10), summary.recordsPerSplit());
        splitCheck(config).desiredSize(20).verifyResumeOfEachSplit(split -> split.duplicateBound(6));
    }

    @Test
    void aSingleRowIsOneSplitReadingIt() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, v VARCHAR(10)");
        db.insert(t, 42, "answer");

        SplitSummary summary = splitCheck(db.config(t, "id")).verify();

        assertEquals(1, summary.estimatedSize());
        assertEquals(List.of("all"), summary.splitIds());
        assertEquals(List.of(1), summary.recordsPerSplit());
    }

    @Test
    void aDesiredSizeLargerThanTheSpanGivesOneRange() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        for (long key = 1; key <= 20; key++) {
            db.insert(t, key);
        }

        SplitSummary summary = splitCheck(db.config(t, "id")).desiredSize(1000).verify();

        assertEquals(List.of("all"), summary.splitIds());
        assertEquals(List.of(20), summary.recordsPerSplit());
    }

    @Test
    void anEmptyTableIsOneUnboundedSplitThatReadsRowsInsertedAfterPlanning() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        Mapper mapper = mapper(db.config(t, "id"));

        assertEquals(0, mapper.estimateSize());
        List<Split> plan = mapper.split(10);
        assertEquals(List.of("all"), ids(plan));
        assertFalse(plan.get(0).configuration().containsKey("configuration.keyFrom"));
        assertFalse(plan.get(0).configuration().containsKey("configuration.keyTo"));

        for (long key : new long[] {-5, 0, 7}) {
            db.insert(t, key);
        }
        assertEquals(List.of(-5L, 0L, 7L), keys(read(mapper.create(plan.get(0), null)).records));
    }

    @Test
    void rowsInsertedAfterPlanningBelowTheMinimumOrAboveTheMaximumAreReadByTheEndRanges() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        for (long key = 1; key <= 30; key++) {
            db.insert(t, key);
        }
        Mapper mapper = mapper(db.config(t, "id"));
        List<Split> plan = mapper.split(10);
        assertEquals(List.of("keys-start-11", "keys-11-21", "keys-21-end"), ids(plan));

        for (long key : new long[] {-3, 0, 31, 1000}) {
            db.insert(t, key);
        }
        List<Run> runs = plan.stream().map(split -> read(mapper.create(split, null))).toList();
        assertEquals(List.of(-3L, 0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), keys(runs.get(0).records));
        assertEquals(LongStream.range(11, 21).boxed().toList(), keys(runs.get(1).records));
        List<Long> last = new ArrayList<>(LongStream.range(21, 32).boxed().toList());
        last.add(1000L);
        assertEquals(last, keys(runs.get(2).records));

        // Incremental, per range: the last one reads the rows added above everything read; a bounded one stops.
        db.insert(t, 2000);
        assertEquals(List.of(2000L), keys(read(mapper.create(plan.get(2), runs.get(2).lastCheckpoint())).records));
        assertEquals(List.of(), keys(read(mapper.create(plan.get(1), runs.get(1).lastCheckpoint())).records));
    }

    @Test
    void aRangeResumesFromItsOwnLastKeyAndStopsAtItsUpperBound() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        for (long key = 1; key <= 30; key++) {
            db.insert(t, key);
        }
        Mapper mapper = mapper(db.config(t, "id"));
        Split middle = mapper.split(10).get(1);
        assertEquals(Map.of("configuration.keyFrom", "11", "configuration.keyTo", "21"),
                Map.of("configuration.keyFrom", middle.configuration().get("configuration.keyFrom"),
                        "configuration.keyTo", middle.configuration().get("configuration.keyTo")));

        CheckpointState at15 = CheckpointState.fromJson(JdbcInputContract.json(
                "{'$checkpoint': {'lastKey': '15', 'keyType': 'LONG', '__version': 1}}"));
        Run resumed = read(mapper.create(middle, at15));

        assertEquals(List.of(16L, 17L, 18L, 19L, 20L), keys(resumed.records));
        assertEquals(JdbcInputContract.json("{'$checkpoint': {'lastKey': '20', 'keyType': 'LONG', '__version': 1}}"),
                resumed.lastCheckpoint().toJson());
    }

    /** The configurations key ranges do not apply to, each read as one split of the whole. */
    enum Unsplittable { CHARACTER_KEY, UPDATED_AT_MODE, QUERY }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Unsplittable.class)
    void configurationsWithoutKeyRangesAreReadAsOneSplitOfTheWhole(Unsplittable kind) throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY, code VARCHAR(10), u TIMESTAMP");
        for (int i = 1; i <= 40; i++) {
            db.insert(t, i, String.format("c%03d", i), JdbcInputContract.T0.plusMinutes(i).toLocalDateTime());
        }
        Map<String, String> config = switch (kind) {
            case CHARACTER_KEY -> db.config(t, "code");
            case UPDATED_AT_MODE -> {
                Map<String, String> c = db.config(t, "id");
                c.put("configuration.updatedAtColumn", "u");
                yield c;
            }
            case QUERY -> {
                Map<String, String> c = db.connection();
                c.put("configuration.query", "SELECT id, code FROM " + t);
                c.put("configuration.keyColumn", "id");
                yield c;
            }
        };
        config.put("configuration.fetchSize", "9");

        SplitSummary summary = splitCheck(config).desiredSize(1).verify();

        assertEquals(1, summary.estimatedSize(), "one split");
        assertEquals(List.of("all"), summary.splitIds());
        assertEquals(List.of(40), summary.recordsPerSplit());
        Split whole = mapper(config).split(1).get(0);
        assertFalse(whole.configuration().keySet().stream().anyMatch(k -> k.startsWith("configuration.key")
                && !k.equals("configuration.keyColumn")), whole.configuration().toString());
    }

    // ---------------------------------------------------------------- what planning does, and does not

    @Test
    void thePasswordIsInNoSplitIdDescriptorOrCheckpoint() throws SQLException {
        Map<String, String> config = db.connectionWithCredential();
        String password = config.get("configuration.password");
        String t = db.table("id BIGINT PRIMARY KEY");
        for (long key = 1; key <= 30; key++) {
            db.insert(t, key);
        }
        config.put("configuration.table", t);
        config.put("configuration.keyColumn", "id");
        config.put("configuration.batchSize", "4");
        Mapper mapper = mapper(config);

        SplitPlan plan = SplitPlan.create(mapper, 10);

        assertEquals(3, plan.splits().size());
        assertFalse(plan.toJson().toString().contains(password), plan.toJson().toString());
        for (Split split : plan.splits()) {
            assertFalse(split.id().contains(password), split.id());
            assertFalse(split.configuration().containsKey("configuration.password"), split.toJson().toString());
            assertFalse(split.toJson().toString().contains(password), split.toJson().toString());
            // The runtime gives the split the job's password back: it connects and reads.
            Run run = read(mapper.create(split, null));
            assertEquals(10, run.records.size(), split.id());
            assertTrue(run.checkpoints.size() >= 3, split.id() + ": " + run.checkpoints);
            for (CheckpointState checkpoint : run.checkpoints) {
                assertFalse(checkpoint.toJson().toString().contains(password), checkpoint.toJson().toString());
            }
        }
    }

    @Test
    void minAndMaxAreQueriedOnlyWhenPlanningNeverByAReader() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        for (long key = 1; key <= 30; key++) {
            db.insert(t, key);
        }
        Map<String, String> config = db.config(t, "id");
        StatementLog log = StatementLog.start(config.get("configuration.url"));
        config.put("configuration.url", log.url());
        config.put("configuration.fetchSize", "4");
        Mapper mapper = mapper(config);

        assertEquals(30, mapper.estimateSize());
        assertEquals(1, log.count("MAX("), log.statements().toString());
        List<Split> plan = mapper.split(10);
        assertEquals(2, log.count("MIN("), log.statements().toString());
        assertEquals(2, log.count("MAX("), log.statements().toString());

        int before = log.statements().size();
        List<Run> runs = plan.stream().map(split -> read(mapper.create(split, null))).toList();
        Run resumed = read(mapper.create(plan.get(1), runs.get(1).checkpoints.get(0)));
        Run whole = read(mapper.create());

        assertEquals(List.of(10, 10, 10), runs.stream().map(r -> r.records.size()).toList());
        assertEquals(6, resumed.records.size());
        assertEquals(30, whole.records.size());
        List<String> read = log.statements().subList(before, log.statements().size());
        assertTrue(read.stream().filter(sql -> sql.contains("FETCH FIRST 4 ROWS ONLY")).count() >= 5,
                "the log sees the readers' pages: " + read);
        assertTrue(read.stream().anyMatch(sql -> sql.contains("id >= ?") && sql.contains("id < ?")),
                "a middle range's pages are bounded on both sides: " + read);
        assertEquals(2, log.count("MIN("), "no reader queries MIN: " + read);
        assertEquals(2, log.count("MAX("), "no reader queries MAX: " + read);
    }

    // ---------------------------------------------------------------- refused bounds

    @Test
    void boundsOnACharacterKeyAreRefusedNamingTheOptionsAndTheColumn() throws SQLException {
        String t = db.table("code VARCHAR(10) PRIMARY KEY");
        Map<String, String> config = db.config(t, "code");
        config.put("configuration.keyFrom", "5");

        Input input = mapper(config).create();
        ComponentException error = assertThrows(ComponentException.class, () -> input.start(state -> { }));
        input.stop();

        assertTrue(error.getMessage().contains("jdbc/jdbc-input"), error.getMessage());
        assertTrue(error.getMessage().contains("configuration.keyFrom and configuration.keyTo bound an integer key, "
                + "but key column 'code' of table '" + t + "' is of type "), error.getMessage());
    }

    @Test
    void aKeyFromNotBelowKeyToIsRefusedNamingBothValues() throws SQLException {
        String t = db.table("id BIGINT PRIMARY KEY");
        Map<String, String> config = db.config(t, "id");
        config.put("configuration.keyFrom", "20");
        config.put("configuration.keyTo", "10");

        ComponentException error = assertThrows(ComponentException.class, () -> mapper(config).create());

        assertTrue(error.getMessage().contains("jdbc/jdbc-input"), error.getMessage());
        assertTrue(error.getMessage().contains("configuration.keyFrom must be below configuration.keyTo (keyFrom is "
                + "inclusive, keyTo exclusive), got keyFrom 20 and keyTo 10"), error.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private Mapper mapper(Map<String, String> config) {
        return db.manager().findMapper("jdbc", "jdbc-input", 1, config).orElseThrow();
    }

    /** The split check over {@code config}, records told apart by their {@code id} column. */
    private SplitCheck splitCheck(Map<String, String> config) {
        return SplitCheck.of(db.manager(), "jdbc", "jdbc-input", config)
                .recordIdentity(record -> ((JsonObject) record).getJsonNumber("id").longValue());
    }

    private static List<String> ids(List<Split> plan) {
        return plan.stream().map(Split::id).toList();
    }

    private static List<Long> keys(List<JsonObject> records) {
        return records.stream().map(r -> r.getJsonNumber("id").longValue()).toList();
    }
}
