package io.connectorkit.store;

import io.connectorkit.api.configuration.UrlPasswords;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The errors of one {@link JdbcCheckpointStore}, worded for an operator and never holding a password: a driver may
 * echo the URL or the password, so both are masked, and a statement that gave up waiting for a claim row's lock names
 * who holds it.
 */
final class JdbcErrors {

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());

    private final String store;
    private final String table;
    private final String password;
    private final JdbcWriterLock writerLock;
    private final JdbcCheckpointStore.Connector connector;

    /**
     * @param store the store's description, for messages
     * @param password the password given to the store, masked wherever it appears; {@code null} when none
     * @param connector opens the connection on which a lock timeout's holders are read
     */
    JdbcErrors(String store, String table, String password, JdbcWriterLock writerLock,
               JdbcCheckpointStore.Connector connector) {
        this.store = store;
        this.table = table;
        this.password = password == null || password.isEmpty() ? null : password;
        this.writerLock = writerLock;
        this.connector = connector;
    }

    /** {@code "<store>: job '<job>' (table <table>): <problem>"}. */
    String describe(String job, String problem) {
        return CheckpointStoreException.describe(store, job, "table " + table, problem);
    }

    /** The error of a failed statement; {@code job} is {@code null} when the call is not about one job. */
    CheckpointStoreException failure(String job, String problem, SQLException e) {
        if (job != null && JdbcWriterLock.isLockTimeout(e)) {
            return lockTimeout(job, problem);
        }
        // A driver may echo the URL ("No suitable driver found for jdbc:...password=...") or the password. Only the
        // password is masked: the driver's reason ("database "x" does not exist") is what the operator needs.
        String driverMessage = String.valueOf(e.getMessage());
        String maskedMessage = UrlPasswords.mask(driverMessage);
        String message = describe(job, problem + ": " + e.getClass().getSimpleName() + " [SQLState "
                + e.getSQLState() + "]: " + maskedMessage);
        boolean echoesSecret = password != null || !driverMessage.equals(maskedMessage);
        if (password != null) {
            message = message.replace(password, "****");
        }
        // The cause's own message could echo a secret back, so it is not attached when one may be in it.
        return echoesSecret ? new CheckpointStoreException(message) : new CheckpointStoreException(message, e);
    }

    /**
     * The error of a statement that gave up waiting for the lock of {@code job}'s claim row: who holds the claim and,
     * where the database says, which sessions hold locks on the table. Logged as a WARNING too, because a background
     * save may retry it before anyone reads the error.
     */
    private CheckpointStoreException lockTimeout(String job, String problem) {
        String holders;
        try (Connection c = connector.open()) {
            c.setAutoCommit(true);
            String claim = writerLock.currentHolder(c, job);
            holders = "the claim row names " + claim + (claim.contains(writerLock.owner()) ? " (this store)" : "")
                    + LockHolders.describe(c, writerLock.table());
        } catch (SQLException e) {
            holders = "who holds it could not be read: " + UrlPasswords.mask(String.valueOf(e.getMessage()));
        }
        if (password != null) {
            holders = holders.replace(password, "****");
        }
        CheckpointStoreException e = new CheckpointStoreException(CheckpointStoreException.describe(store, job,
                "table " + writerLock.table(), problem + ": the job's claim row stayed locked by another transaction "
                        + "for " + writerLock.lockTimeoutSeconds() + " s (the lock timeout); " + holders));
        LOG.log(System.Logger.Level.WARNING, e.getMessage());
        return e;
    }
}
