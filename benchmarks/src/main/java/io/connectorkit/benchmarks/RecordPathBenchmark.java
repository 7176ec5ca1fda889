package io.connectorkit.benchmarks;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.benchmarks.emitter.SmallRecords;
import io.connectorkit.benchmarks.emitter.SmallRecordsConfig;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.store.AsyncCheckpointWriter;
import io.connectorkit.store.FileCheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One record through {@link SmallRecords}: called directly ({@code bare}), and through {@code Input.next()} with
 * checkpointing off, in explicit mode and in callback mode (a checkpoint every 1,000 records, or on every record),
 * checkpoints saved by the file store behind an {@link AsyncCheckpointWriter}. Run with {@code -prof gc} for the
 * allocation per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordPathBenchmark {

    /** {@code bare}, {@code off}, {@code explicit}, {@code callback}, {@code everyRecord}. */
    @Param({"bare", "off", "explicit", "callback", "everyRecord"})
    public String mode;

    private SmallRecords emitter;
    private Input input;
    private ComponentManager manager;
    private FileCheckpointStore store;
    private AsyncCheckpointWriter writer;
    private Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Map<String, String> configuration = Map.of("configuration.total", Long.toString(Long.MAX_VALUE));
        if (mode.equals("bare")) {
            SmallRecordsConfig config = new SmallRecordsConfig();
            config.setTotal(Long.MAX_VALUE);
            emitter = new SmallRecords(config);
            return;
        }
        ComponentManager.Builder builder = ComponentManager.builder().checkpointing(!mode.equals("off"));
        if (mode.equals("everyRecord")) {
            builder.checkpointFrequency(Frequency.RECORD, 1);
        }
        manager = builder.build();
        input = manager.findMapper("bench", "small-records", 1, configuration).orElseThrow().create();
        dir = Files.createTempDirectory("record-path");
        store = new FileCheckpointStore(dir);
        writer = AsyncCheckpointWriter.builder(store, "bench", "p0").start();
        if (mode.equals("callback") || mode.equals("everyRecord")) {
            input.start(state -> writer.submit(SideBySide.COMPONENT, state));
        } else {
            input.start();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (input != null) {
            input.stop();
            writer.close();
            store.close();
            manager.close();
            StoreBenchmark.deleteTree(dir);
        }
    }

    @Benchmark
    public Object next() {
        switch (mode) {
            case "bare":
                return emitter.next();
            case "explicit":
                Object record = input.next();
                if (input.isCheckpointReady()) {
                    writer.submit(SideBySide.COMPONENT, input.getCheckpoint());
                }
                return record;
            default:
                return input.next();
        }
    }
}
