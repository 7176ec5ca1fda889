package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The jobs of the MiniCluster tests: a source, a map (pacing or failing, {@link JobHooks}), and Flink's exactly-once
 * {@code FileSink} of each record's JSON text; parallelism 2, a checkpoint every 100 ms, a fixed-delay restart
 * strategy. Also the reference: the same component read whole through the runtime, without Flink.
 */
final class FlinkJobs {

    static final int PARALLELISM = 2;

    private FlinkJobs() {
    }

    /** One task manager with a slot per subtask. */
    static MiniClusterExtension cluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(PARALLELISM)
                .build());
    }

    /**
     * An environment as the tests run jobs: checkpoints every 100 ms, three restarts 50 ms apart, restored from
     * {@code savepoint} unless it is null.
     */
    static StreamExecutionEnvironment environment(String savepoint) {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
        if (savepoint != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(100);
        return env;
    }

    /**
     * Adds source → {@code map} → a {@code FileSink} writing into {@code output}, with fixed uids so that a savepoint
     * of one job restores into the next.
     */
    static <S extends Source<JsonObject, ?, ?>> void pipeline(StreamExecutionEnvironment env, S source,
            MapFunction<JsonObject, String> map, Path output) {
        FileSink<String> sink = FileSink.forRowFormat(new org.apache.flink.core.fs.Path(output.toUri()),
                        new SimpleStringEncoder<String>("UTF-8"))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "connector-kit", JsonObjectTypeInfo.INSTANCE)
                .uid("connector-kit-source")
                .map(map).uid("map")
                .sinkTo(sink).uid("file-sink");
    }

    /** The records in the sink's committed files under {@code output} (hidden in-progress files left out). */
    static List<String> committed(Path output) {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Every record of the component read whole through the runtime, as JSON text: what Flink must write. */
    static List<String> reference(String family, String name, Map<String, String> configuration) {
        List<String> records = new ArrayList<>();
        try (ComponentManager manager = ComponentManager.builder().build()) {
            Input input = manager.findMapper(family, name, 1, configuration).orElseThrow().create();
            input.start();
            for (Object record = input.next(); record != null; record = input.next()) {
                records.add(record.toString());
            }
            input.stop();
        }
        return records;
    }

    /**
     * Asserts that {@code actual} holds every record of {@code expected} exactly once: the same count, no record twice,
     * the same records; on failure, says how many are missing and how many repeated, with a few of each.
     */
    static void assertExactlyOnce(List<String> expected, List<String> actual) {
        assertTrue(expected.size() > 0, "the reference read no record");
        Map<String, Integer> counts = new HashMap<>();
        actual.forEach(record -> counts.merge(record, 1, Integer::sum));
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> missing = expected.stream().filter(record -> !counts.containsKey(record)).toList();
        Set<String> expectedSet = new HashSet<>(expected);
        List<String> unexpected = counts.keySet().stream().filter(record -> !expectedSet.contains(record)).sorted()
                .limit(5).toList();
        String report = expected.size() + " records expected, " + actual.size() + " written; " + missing.size()
                + " missing " + missing.stream().limit(5).toList() + ", " + repeated.size() + " repeated "
                + repeated.stream().limit(5).toList() + ", unexpected " + unexpected;
        assertTrue(missing.isEmpty(), report);
        assertTrue(repeated.isEmpty(), report);
        assertEquals(expected.size(), actual.size(), report);
        assertTrue(expected.stream().sorted().toList().equals(actual.stream().sorted().toList()), report);
    }
}
