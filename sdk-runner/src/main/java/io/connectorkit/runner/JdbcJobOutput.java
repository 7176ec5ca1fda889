package io.connectorkit.runner;

import io.connectorkit.store.sink.JdbcSink;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.JdbcCheckpointStore;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Records to a database table, each checkpoint committed in the same transaction as the rows it covers:
 * exactly-once. A crash or failure rolls back the rows no checkpoint covers; the next attempt re-reads them.
 */
final class JdbcJobOutput implements JobOutput {

    private final JdbcSink sink;
    private final String partition;
    private final RunnerMetrics metrics;
    private final Consumer<JsonObject> durable;

    private JdbcJobOutput(JdbcSink sink, String partition, RunnerMetrics metrics, Consumer<JsonObject> durable) {
        this.sink = sink;
        this.partition = partition;
        this.metrics = metrics;
        this.durable = durable;
    }

    /**
     * Connects to {@code url} and writes into {@code table}, checkpoints into {@code store}'s table of the same
     * database under {@code partition} (each split of a partitioned job has its own connection and transactions).
     *
     * @param durable told of each checkpoint once committed, on the calling thread
     */
    static JdbcJobOutput open(String url, String password, String table, JdbcCheckpointStore store, String job,
            String partition, RunnerMetrics metrics, Consumer<JsonObject> durable) {
        Connection connection;
        try {
            connection = StoreSpec.connect(url, password);
        } catch (SQLException e) {
            // DriverManager's message may quote the URL, password included.
            String reason = StoreSpec.describe(String.valueOf(e.getMessage()));
            throw new RunnerException(ExitCodes.OUTPUT_FAILED, "cannot connect to the sink " + StoreSpec.describe(url)
                    + ": " + (password == null ? reason : reason.replace(password, "****")));
        }
        try {
            return new JdbcJobOutput(new JdbcSink(connection, store, table, job, partition), partition, metrics,
                    durable);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * {@code "the sink table <table> already holds rows"} when it exists and does, else {@code null} (also when the
     * database cannot be asked: opening the sink then says why).
     */
    static String rowsAlreadyIn(String url, String password, String table) {
        try (Connection connection = StoreSpec.connect(url, password)) {
            return JdbcSink.holdsRows(connection, table) ? "the sink table " + table + " already holds rows" : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void write(Object record) {
        sink.write(record);
    }

    @Override
    public void checkpoint(String componentId, JsonObject checkpoint) {
        long start = System.nanoTime();
        CheckpointEnvelope saved = sink.commit(componentId, checkpoint);
        metrics.checkpointSaved(partition, saved.generation(), saved.sizeBytes(),
                Duration.ofNanos(System.nanoTime() - start));
        durable.accept(checkpoint);
    }

    @Override
    public void awaitCheckpoints() {
        // every checkpoint was committed before checkpoint() returned
    }

    @Override
    public void close() {
        sink.close();
    }
}
