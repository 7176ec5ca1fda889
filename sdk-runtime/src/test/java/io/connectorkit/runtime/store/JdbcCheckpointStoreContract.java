package io.connectorkit.runtime.store;

import static io.connectorkit.runtime.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract plus JDBC-specific behaviour, on one database; each test gets its own freshly named tables,
 * dropped afterwards.
 */
abstract class JdbcCheckpointStoreContract extends CheckpointStoreContract {

    String table;

    /** The database under test. */
    abstract UrlDataSource dataSource();

    @BeforeEach
    void uniqueTable() {
        table = "ck_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @AfterEach
    void dropTables() throws SQLException {
        closeStores();
        try (Connection c = dataSource().getConnection()) {
            c.createStatement().execute("DROP TABLE IF EXISTS " + table);
            c.createStatement().execute("DROP TABLE IF EXISTS " + table + "_locks");
        }
    }

    @Override
    CheckpointStore newStore(StoreOptions options) {
        return new JdbcCheckpointStore(dataSource(), table, options);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    @Test
    void aRowChangedBehindTheStoresBackIsSkippedWithAWarning() throws SQLException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        store.save(JOB, PART, COMPONENT, offset(2));
        update("UPDATE " + table + " SET content = ? WHERE generation = 2",
                "{\"$checkpoint\":{\"offset\":999,\"__version\":2}}");
        try (LogCapture log = LogCapture.of(JdbcCheckpointStore.class)) {
            assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            String warning = log.warnings().get(0);
            assertTrue(warning.contains("table " + table) && warning.contains("generation 2")
                    && warning.contains("checksum mismatch"), warning);
        }
        assertThrows(CheckpointStoreException.class, () -> store.load(JOB, PART, 2));
    }

    @Test
    void metadataChangedBehindTheStoresBackIsDetectedToo() throws SQLException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        store.save(JOB, PART, COMPONENT, offset(2));
        update("UPDATE " + table + " SET component_id = ? WHERE generation = 2", "tampered");
        assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
        update("UPDATE " + table + " SET content = ? WHERE generation = 1", "{\"$checkpoint\":");
        try (LogCapture log = LogCapture.of(JdbcCheckpointStore.class)) {
            NoValidCheckpointException e = assertThrows(NoValidCheckpointException.class,
                    () -> store.loadLatest(JOB, PART));
            assertTrue(e.getMessage().contains("has 2 checkpoint row(s) but none is valid")
                    && e.getMessage().contains(table) && e.getMessage().contains("the newest: generation 2"),
                    e.getMessage());
            assertEquals(List.of(), log.warnings(), "the error says it all: no warning per row");
        }
    }

    @Test
    void saveInTheCallersTransactionIsUndoneByItsRollbackAndKeptByItsCommit() throws SQLException {
        JdbcCheckpointStore store = (JdbcCheckpointStore) open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            CheckpointEnvelope pending = store.saveInTransaction(c, JOB, PART, COMPONENT, offset(2), null);
            assertEquals(2, pending.generation());
            c.rollback();
        }
        assertEquals(first, store.loadLatest(JOB, PART).orElseThrow(), "rolled back: nothing saved");
        assertEquals(Optional.empty(), store.load(JOB, PART, 2));

        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            CheckpointEnvelope committed = store.saveInTransaction(c, JOB, PART, COMPONENT, offset(3), null);
            c.commit();
            assertEquals(committed, store.loadLatest(JOB, PART).orElseThrow());
        }
        try (Connection c = dataSource().getConnection()) {
            assertThrows(IllegalStateException.class,
                    () -> store.saveInTransaction(c, JOB, PART, COMPONENT, offset(4), null));
        }
    }

    @Test
    void anIdleClaimIsTakenOverAndTheOldWriterIsFencedOff() throws InterruptedException {
        CheckpointStore first = open();
        first.save(JOB, PART, COMPONENT, offset(1));
        Thread.sleep(20); // Let the claim's heartbeat age past the 1 ms below.
        CheckpointStore second = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS,
                Duration.ofMillis(1));
        try {
            assertEquals(2, second.save(JOB, PART, COMPONENT, offset(2)).generation());
            CheckpointStoreException fenced = assertThrows(CheckpointStoreException.class,
                    () -> first.save(JOB, PART, COMPONENT, offset(3)));
            assertTrue(fenced.getMessage().contains("no longer holds the writer claim"), fenced.getMessage());
            assertEquals(offset(2), second.loadLatest(JOB, PART).orElseThrow().checkpoint());
        } finally {
            second.close();
        }
    }

    @Test
    void aWriterWhoseClaimWasTakenOverCannotDeleteTheNewOwnersCheckpoints() throws InterruptedException {
        CheckpointStore first = open();
        first.save(JOB, PART, COMPONENT, offset(1));
        Thread.sleep(20); // Let the claim's heartbeat age past the 1 ms below.
        CheckpointStore second = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS,
                Duration.ofMillis(1));
        try {
            second.save(JOB, PART, COMPONENT, offset(2));
            CheckpointStoreException refused = assertThrows(CheckpointStoreException.class, () -> first.delete(JOB));
            assertTrue(refused.getMessage().contains("not deleting"), refused.getMessage());
            assertEquals(offset(2), second.loadLatest(JOB, PART).orElseThrow().checkpoint());
        } finally {
            second.close();
        }
    }

    @Test
    void aClaimLeftByADeadProcessOfThisHostIsTakenOverAtOnce() throws Exception {
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = OwnerId.current().split("/")[0];
        // The claim a crashed runner on this machine would leave: its pid has ended, its heartbeat is fresh.
        update("UPDATE " + table + "_locks SET owner = ? WHERE job = ?", host + "/pid-" + gone.pid() + "/x", JOB);
        store.close();
        CheckpointStore restarted = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS);
        try {
            assertEquals(2, restarted.save(JOB, PART, COMPONENT, offset(2)).generation());
        } finally {
            restarted.close();
        }
    }

    @Test
    void aClaimOfALiveProcessIsNotTakenOver() throws Exception {
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        String host = OwnerId.current().split("/")[0];
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        update("UPDATE " + table + "_locks SET owner = ? WHERE job = ?", host + "/pid-" + alive + "/x", JOB);
        CheckpointStore second = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS);
        try {
            CheckpointStoreException locked = assertThrows(CheckpointStoreException.class,
                    () -> second.save(JOB, PART, COMPONENT, offset(2)));
            assertTrue(locked.getMessage().contains("pid-" + alive), locked.getMessage());
        } finally {
            second.close();
        }
    }
}
