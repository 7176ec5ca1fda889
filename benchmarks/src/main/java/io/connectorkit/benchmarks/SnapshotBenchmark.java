package io.connectorkit.benchmarks;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target 3: capturing one checkpoint ({@code Input.getCheckpoint()}: the generated getter, the codec, an immutable
 * snapshot) and serialising it ({@code CheckpointState.toJson()}: the wire format), through the public API; and, for
 * reference, the same followed by the JSON text a store writes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnapshotBenchmark {

    private ComponentManager manager;
    private Input input;

    @Setup(Level.Trial)
    public void setUp() {
        manager = ComponentManager.builder().checkpointing(true).build();
        input = manager.findMapper("bench", "small-records", 1,
                Map.of("configuration.total", Long.toString(Long.MAX_VALUE))).orElseThrow().create();
        input.start();
        input.next();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        input.stop();
        manager.close();
    }

    @Benchmark
    public CheckpointState capture() {
        return input.getCheckpoint();
    }

    @Benchmark
    public JsonObject captureAndToJson() {
        return input.getCheckpoint().toJson();
    }

    @Benchmark
    public String captureToJsonAndText() {
        return input.getCheckpoint().toJson().toString();
    }
}
