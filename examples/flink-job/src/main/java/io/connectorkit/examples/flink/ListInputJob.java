package io.connectorkit.examples.flink;

import io.connectorkit.flink.ConnectorKitSource;
import io.connectorkit.flink.JsonObjectTypeInfo;
import jakarta.json.JsonObject;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.ParameterTool;

/**
 * A Flink job that reads the sample connector {@code checkpoint/list-input} (the records {@code {"id":1,...}} to
 * {@code {"id":total,...}}) through {@link ConnectorKitSource} and writes each record's JSON text, one a line, with
 * Flink's exactly-once {@code FileSink}: a job restarted after a failure neither repeats nor skips a record.
 *
 * <p>Built as a shaded job jar (this module's {@code pom.xml}, docs/flink.md) and run with
 * <pre>{@code
 * ./bin/flink run target/flink-job-example-<version>.jar --output /tmp/list-output [--total 200000]
 *     [--parallelism 2] [--checkpoint-interval 10000]
 * }</pre>
 *
 * <p>Arguments, read with Flink's {@link ParameterTool}:
 * <ul>
 *   <li>{@code --output} (required): the directory the sink writes into; a path or a URI of a file system the cluster
 *       can write ({@code file:///...}, {@code s3://...} with the plugin)</li>
 *   <li>{@code --total}: how many records list-input emits (default 200,000)</li>
 *   <li>{@code --parallelism}: the job's parallelism (default: {@code flink run -p}, else the cluster's default)</li>
 *   <li>{@code --checkpoint-interval}: milliseconds between Flink checkpoints (default 10,000). The sink commits its
 *       files at each completed checkpoint, so this is also how far the output lags behind the source</li>
 * </ul>
 */
public final class ListInputJob {

    private ListInputJob() {
    }

    /**
     * Builds the job from {@code args} and runs it until list-input's last record is committed.
     *
     * @throws Exception as {@link StreamExecutionEnvironment#execute(String)}, or when {@code --output} is missing
     */
    public static void main(String[] args) throws Exception {
        ParameterTool parameters = ParameterTool.fromArgs(args);
        String output = parameters.getRequired("output");
        int total = parameters.getInt("total", 200_000);
        long checkpointInterval = parameters.getLong("checkpoint-interval", 10_000);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (parameters.has("parallelism")) {
            env.setParallelism(parameters.getInt("parallelism"));
        }
        // Required: the source commits its connector checkpoints, and the sink its files, on completed checkpoints.
        env.enableCheckpointing(checkpointInterval);

        // Checked here, in the client, with the job jar's class loader: an unknown component or a key that does not
        // bind fails the submission rather than the running job.
        ConnectorKitSource<JsonObject> source = ConnectorKitSource.builder("checkpoint", "list-input")
                .configuration(Map.of(
                        "configuration.total", Integer.toString(total),
                        "configuration.batchSize", "1000"))
                .build();

        FileSink<String> sink = FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>("UTF-8"))
                // A part file is committed at each completed checkpoint: exactly once with the source's state.
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();

        // Fixed uids: a savepoint finds each operator's state by them (flink stop, then flink run -s).
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "list-input", JsonObjectTypeInfo.INSTANCE)
                .uid("list-input-source")
                .map(JsonObject::toString, Types.STRING).uid("to-json-text")
                .sinkTo(sink).uid("file-sink");

        env.execute("Connector Kit list-input to files");
    }
}
