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

/**
 * Opens the checkpoint store a {@code --store} value names: {@code file:DIR}, {@code jdbc:URL} or
 * {@code s3://BUCKET/PREFIX} (the last through {@link S3StoreOpener}, so that the AWS SDK loads only then).
 */
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
        return open(spec, retention, lockTimeout, password, null);
    }

    /**
     * The store, ready to use.
     *
     * @param lockTimeout how long a JDBC store waits for a job's claim row locked by another transaction
     * @param password the password of a {@code jdbc:} store ({@code --password-env}), or {@code null}
     * @param s3 the {@code --s3-*} options of an {@code s3://} store, or {@code null} for their defaults
     * @throws RunnerException naming the store when the value is malformed or the store cannot be opened
     */
    static CheckpointStore open(String spec, int retention, Duration lockTimeout, String password,
                                S3StoreOptions s3) {
        if (password != null && !spec.startsWith("jdbc:")) {
            throw new RunnerException(ExitCodes.USAGE, "--password-env is the password of a jdbc: store or sink, "
                    + "not of " + describe(spec));
        }
        if (spec.startsWith("jdbc:")) {
            return openJdbc(spec, retention, lockTimeout, password);
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
            if (spec.startsWith("s3:")) {
                return S3StoreOpener.open(spec, options, s3);
            }
        } catch (RunnerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(spec, e);
        }
        throw new RunnerException(ExitCodes.USAGE, "--store must be file:DIR, jdbc:URL or s3://BUCKET/PREFIX, got '"
                + describe(spec) + "'");
    }

    /**
     * The store a run keeps its checkpoints in: a {@code --sink}'s database when there is one, else {@code --store}'s.
     *
     * @param sink the {@code --sink} JDBC URL, or {@code null}
     * @throws RunnerException naming the store when the value is malformed or the store cannot be opened
     */
    static RunStore openForRun(String spec, String sink, int retention, Duration lockTimeout, String password,
                               S3StoreOptions s3) {
        if (sink != null) {
            JdbcCheckpointStore jdbc = openJdbc(sink, retention, lockTimeout, password);
            return new RunStore(jdbc, jdbc);
        }
        return new RunStore(open(spec, retention, lockTimeout, password, s3), null);
    }

    /**
     * The checkpoint store of a run; closing this closes it.
     *
     * @param store where the run's checkpoints are kept
     * @param sinkStore the same store, typed as the JDBC store a {@code --sink} commits its checkpoints into with its
     *     rows; {@code null} without a sink
     */
    record RunStore(CheckpointStore store, JdbcCheckpointStore sinkStore) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    /**
     * The JDBC store at {@code url}, ready to use, typed as such: what a {@code --sink} commits its checkpoints into,
     * with its rows.
     *
     * @param url a {@code jdbc:} URL
     * @param password the password ({@code --password-env}), or {@code null}
     * @throws RunnerException naming the store when it cannot be opened
     */
    static JdbcCheckpointStore openJdbc(String url, int retention, Duration lockTimeout, String password) {
        StoreOptions options = StoreOptions.DEFAULTS.withRetention(retention);
        try {
            return JdbcCheckpointStore.connect(url, null, password, JdbcCheckpointStore.DEFAULT_TABLE, options,
                    lockTimeout);
        } catch (RuntimeException e) {
            throw failed(url, e);
        }
    }

    private static RunnerException failed(String spec, RuntimeException e) {
        return new RunnerException(ExitCodes.STORE_FAILED, "cannot open the checkpoint store " + describe(spec) + ": "
                + e.getMessage(), e);
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
