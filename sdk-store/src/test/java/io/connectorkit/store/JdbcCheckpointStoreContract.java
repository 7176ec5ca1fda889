package io.connectorkit.store;

import static io.connectorkit.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.testsupport.LogCapture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's own behaviour, on one database: traces, planted and tampered rows, saves in the caller's
 * transaction, claims taken over, fenced and timed out. Each test gets its own freshly named tables, dropped
 * afterwards. (The store contract runs on H2 and PostgreSQL in sdk-testing's {@code *JdbcCheckpointStoreContractTest}.)
 */
abstract class JdbcCheckpointStoreContract {

    static final String JOB = "job-1";
    static final String PART = "p0";
    static final String COMPONENT = "acme::orders-input";

    String table;
    private final List<CheckpointStore> opened = new ArrayList<>();

    /** The database under test. */
    abstract UrlDataSource dataSource();

    @BeforeEach
    void uniqueTable() {
        table = "ck_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @AfterEach
    void dropTables() throws SQLException {
        opened.forEach(CheckpointStore::close);
        try (Connection c = dataSource().getConnection()) {
            c.createStatement().execute("DROP TABLE IF EXISTS " + table);
            c.createStatement().execute("DROP TABLE IF EXISTS " + table + "_locks");
            c.createStatement().execute("DROP TABLE IF EXISTS " + table + "_saved");
        }
    }

    /** A store on this test's tables, closed after the test. */
    final JdbcCheckpointStore open() {
        JdbcCheckpointStore store = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS);
        opened.add(store);
        return store;
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
    void checkpointRowsDeletedByHandLeaveTheTraceThatTheyWereSaved() throws SQLException {
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        store.save(JOB, PART, COMPONENT, offset(2));
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM "
                + table + " WHERE job = ?")) {
            s.setString(1, JOB);
            assertEquals(2, s.executeUpdate());
        }
        assertEquals(Optional.empty(), store.loadLatest(JOB, PART));
        assertTrue(store.savedBefore(JOB, PART));
        assertTrue(new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS).savedBefore(JOB, PART));
    }

    @Test
    void aPlantedRowAtTheEndOfTheLongRangeIsSkippedAndTheNextGenerationFollowsTheValidOnes() throws SQLException {
        CheckpointStore store = open();
        CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO "
                + table + " (job, partition_id, generation, created_at, component_id, version, checksum, audit, "
                + "content) SELECT job, partition_id, ?, created_at, component_id, version, checksum, audit, content "
                + "FROM " + table + " WHERE job = ? AND generation = 1")) {
            s.setLong(1, Long.MAX_VALUE);
            s.setString(2, JOB);
            assertEquals(1, s.executeUpdate());
        }
        try (LogCapture log = LogCapture.of(JdbcCheckpointStore.class)) {
            assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
            assertTrue(log.warnings().get(0).contains("generation " + Long.MAX_VALUE + " is out of range"),
                    log.warnings().toString());
        }
        assertEquals(2, store.save(JOB, PART, COMPONENT, offset(2)).generation(), "no overflow");
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
        JdbcCheckpointStore store = open();
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
            assertTrue(fenced.getMessage().contains("no longer holds the job's writer claim"), fenced.getMessage());
            assertEquals(offset(2), second.loadLatest(JOB, PART).orElseThrow().checkpoint());
        } finally {
            second.close();
        }
    }

    @Test
    void aWriterWhoseClaimWasTakenOverCannotDeleteTheNewOwnersCheckpointsNorOnePartition() throws InterruptedException {
        CheckpointStore first = open();
        first.save(JOB, PART, COMPONENT, offset(1));
        Thread.sleep(20); // Let the claim's heartbeat age past the 1 ms below.
        CheckpointStore second = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS,
                Duration.ofMillis(1));
        try {
            second.save(JOB, PART, COMPONENT, offset(2));
            CheckpointStoreException refused = assertThrows(CheckpointStoreException.class, () -> first.delete(JOB));
            assertTrue(refused.getMessage().contains("not deleting"), refused.getMessage());
            CheckpointStoreException partition = assertThrows(CheckpointStoreException.class,
                    () -> first.delete(JOB, PART));
            assertTrue(partition.getMessage().contains("job '" + JOB + "'"), partition.getMessage());
            assertEquals(offset(2), second.loadLatest(JOB, PART).orElseThrow().checkpoint());
            assertTrue(second.savedBefore(JOB, PART), "the trace is the new owner's too");
        } finally {
            second.close();
        }
    }

    @Test
    void aClaimLeftByADeadProcessOfThisHostAndPidNamespaceIsTakenOverAtOnce() throws Exception {
        Assumptions.assumeTrue(OwnerId.current().canProveEnded(), "needs /proc (boot id, PID namespace)");
        CheckpointStore store = open();
        store.save(JOB, PART, COMPONENT, offset(1));
        Process gone = new ProcessBuilder("true").start();
        // Often already ended here, its start time gone with it: unknown (0) is what the claim then records.
        long start = gone.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        gone.waitFor();
        // The claim a crashed runner on this machine would leave: its pid has ended, its heartbeat is fresh.
        update("UPDATE " + table + "_locks SET owner = ? WHERE job = ?",
                OwnerId.current().asProcess(gone.pid(), start).toString(), JOB);
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
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        update("UPDATE " + table + "_locks SET owner = ? WHERE job = ?", OwnerId.current().asProcess(parent.pid(),
                parent.info().startInstant().orElseThrow().toEpochMilli()).toString(), JOB);
        CheckpointStore second = new JdbcCheckpointStore(dataSource(), table, StoreOptions.DEFAULTS);
        try {
            CheckpointStoreException locked = assertThrows(CheckpointStoreException.class,
                    () -> second.save(JOB, PART, COMPONENT, offset(2)));
            assertTrue(locked.getMessage().contains("pid=" + parent.pid() + "@"), locked.getMessage());
        } finally {
            second.close();
        }
    }

    @Test
    void aPidOfAnotherPidNamespaceProvesNothingAndTheLiveClaimStays() {
        CheckpointStore first = open();
        first.save(JOB, PART, COMPONENT, offset(1));
        // A runner in another PID namespace of the same host (a container sharing the host name, unshare --pid):
        // the first runner's pid is free there, or another process.
        CheckpointStore elsewhere = JdbcCheckpointStore.withClaims(dataSource(), table, StoreOptions.DEFAULTS,
                JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER, JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER,
                JdbcCheckpointStore.DEFAULT_LOCK_TIMEOUT, OwnerId.current().inPidNamespace("4026532999"),
                pid -> OwnerId.ProcessProbe.NONE);
        try {
            CheckpointStoreException locked = assertThrows(CheckpointStoreException.class,
                    () -> elsewhere.lockForWriting(JOB));
            assertTrue(locked.getMessage().contains("is locked by another writer"), locked.getMessage());
            assertEquals(2, first.save(JOB, PART, COMPONENT, offset(2)).generation(), "the first writer keeps it");
        } finally {
            elsewhere.close();
        }
    }

    @Test
    void aSecondWriterWithTheSameHostAndPidButAnotherRunIdIsRefused() {
        CheckpointStore first = open();
        first.lockForWriting(JOB);
        // Same host, same pid (and start), same namespace, and a probe that finds no such process: only the run id
        // differs, as for two writers whose pids collide. The claim must still be the first one's.
        CheckpointStore twin = JdbcCheckpointStore.withClaims(dataSource(), table, StoreOptions.DEFAULTS,
                JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER, JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER,
                JdbcCheckpointStore.DEFAULT_LOCK_TIMEOUT, OwnerId.current(), pid -> OwnerId.ProcessProbe.NONE);
        try {
            assertThrows(CheckpointStoreException.class, () -> twin.save(JOB, PART, COMPONENT, offset(1)));
            assertEquals(1, first.save(JOB, PART, COMPONENT, offset(1)).generation());
        } finally {
            twin.close();
        }
    }

    @Test
    void aWriterWhoseClaimWasTakenIsToldByItsHeartbeatAndNeverClaimsTheJobAgain() throws Exception {
        CheckpointStore first = JdbcCheckpointStore.withClaims(dataSource(), table, StoreOptions.DEFAULTS,
                JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER, Duration.ofMillis(20),
                JdbcCheckpointStore.DEFAULT_LOCK_TIMEOUT, OwnerId.current(), OwnerId.ProcessProbe.REAL);
        try {
            CountDownLatch told = new CountDownLatch(1);
            List<WriterLostException> lost = new CopyOnWriteArrayList<>();
            first.onWriterLost(e -> {
                lost.add(e);
                told.countDown();
            });
            CheckpointEnvelope saved = first.save(JOB, PART, COMPONENT, offset(1));

            update("UPDATE " + table + "_locks SET owner = ? WHERE job = ?", "another-writer", JOB);

            assertTrue(told.await(1, TimeUnit.MINUTES), "the heartbeat finds the claim taken, without any save");
            assertTrue(lost.get(0).getMessage().contains("another writer took it over (owner another-writer"),
                    lost.get(0).getMessage());
            update("DELETE FROM " + table + "_locks WHERE job = ?", JOB);
            assertThrows(WriterLostException.class, () -> first.save(JOB, PART, COMPONENT, offset(2)));
            assertThrows(WriterLostException.class, () -> first.lockForWriting(JOB));
            assertEquals(saved, first.loadLatest(JOB, PART).orElseThrow());
            assertEquals(1, lost.size(), "told once");
        } finally {
            first.close();
        }
    }

    @Test
    void aClaimRowLockedByAnotherTransactionFailsTheSaveAfterTheLockTimeoutNamingTheClaim() throws Exception {
        CheckpointStore store = JdbcCheckpointStore.withClaims(dataSource(), table, StoreOptions.DEFAULTS,
                JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER, JdbcCheckpointStore.DEFAULT_LOCK_STALE_AFTER,
                Duration.ofSeconds(1), OwnerId.current(), OwnerId.ProcessProbe.REAL);
        try (Connection holder = dataSource().getConnection()) {
            CheckpointEnvelope first = store.save(JOB, PART, COMPONENT, offset(1));
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT * FROM " + table
                    + "_locks WHERE job = ? FOR UPDATE")) {
                lock.setString(1, JOB);
                lock.executeQuery().close();
            }

            CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                    () -> store.save(JOB, PART, COMPONENT, offset(2)));

            assertTrue(e.getMessage().contains("stayed locked by another transaction for 1 s")
                    && e.getMessage().contains("the claim row names owner " + OwnerId.host() + "/")
                    && e.getMessage().contains("(this store)"), e.getMessage());
            holder.rollback();
            assertEquals(first, store.loadLatest(JOB, PART).orElseThrow());
            assertEquals(2, store.save(JOB, PART, COMPONENT, offset(2)).generation(), "saves again once released");
        } finally {
            store.close();
        }
    }
}
