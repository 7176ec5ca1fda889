package io.connectorkit.runner;

import io.connectorkit.api.configuration.UrlPasswords;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** Opens the checkpoint store a {@code --store} value names: {@code file:DIR} or {@code jdbc:URL}. */
final class StoreSpec {

    static final String DEFAULT = "file:checkpoints";

    private StoreSpec() {
    }

    /**
     * The store, ready to use.
     *
     * @throws RunnerException naming the store when the value is malformed or the store cannot be opened
     */
    static CheckpointStore open(String spec, int retention) {
        return open(spec, retention, JdbcCheckpointStore.DEFAULT_LOCK_TIMEOUT, null);
    }

    /**
     * The store, ready to use.
     *
     * @param lockTimeout how long a JDBC store waits for a job's claim row locked by another transaction
     * @param password the password of a {@code jdbc:} store ({@code --password-env}), or {@code null}
     * @throws RunnerException naming the store when the value is malformed or the store cannot be opened
     */
    static CheckpointStore open(String spec, int retention, Duration lockTimeout, String password) {
        if (password != null && !spec.startsWith("jdbc:")) {
            throw new RunnerException(ExitCodes.USAGE, "--password-env is the password of a jdbc: store or sink, "
                    + "not of " + describe(spec));
        }
        StoreOptions options = StoreOptions.DEFAULTS.withRetention(retention);
        try {
            if (spec.startsWith("file:")) {
                String folder = spec.substring("file:".length());
                if (folder.isEmpty()) {
                    throw new RunnerException(ExitCodes.USAGE, "--store file: needs a folder, as in file:checkpoints");
                }
                return new FileCheckpointStore(Path.of(folder), options);
            }
            if (spec.startsWith("jdbc:")) {
                return JdbcCheckpointStore.connect(spec, null, password, JdbcCheckpointStore.DEFAULT_TABLE, options,
                        lockTimeout);
            }
        } catch (RunnerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, "cannot open the checkpoint store " + describe(spec)
                    + ": " + e.getMessage(), e);
        }
        throw new RunnerException(ExitCodes.USAGE, "--store must be file:DIR or jdbc:URL, got '" + describe(spec) + "'");
    }

    /** A connection to {@code url}, with {@code password} ({@code --password-env}) when not {@code null}. */
    static Connection connect(String url, String password) throws SQLException {
        return password == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, null, password);
    }

    /** {@code spec} (or any text quoting it) with JDBC passwords masked, for messages. */
    static String describe(String spec) {
        return UrlPasswords.mask(spec);
    }
}
