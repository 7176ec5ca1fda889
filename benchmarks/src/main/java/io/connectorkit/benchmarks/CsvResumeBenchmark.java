package io.connectorkit.benchmarks;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
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
 * How long {@code file/csv-input} takes to resume from a checkpoint at row 0 and at row 9,000,000 of a
 * 10,000,000-row file: {@code findMapper} + {@code create} + {@code start} + the first {@code next()} (and
 * {@code stop()}, which closes the file). Since a resume seeks to the checkpoint's byte offset, both should take
 * about the same time.
 *
 * <p>The file is generated once (about 340 MB) into {@code -Dconnectorkit.bench.dir} (default: the temp folder) and
 * reused by later runs. The checkpoints are real ones: the connector is driven in explicit mode through the first
 * 9,000,000 rows during the setup, which takes a few seconds and is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvResumeBenchmark {

    /** Rows in the file. */
    @Param("10000000")
    public int rows;

    /** The data rows read before the later checkpoint. */
    @Param("9000000")
    public int resumeAfter;

    private ComponentManager manager;
    private Map<String, String> atRow0;
    private Map<String, String> atLaterRow;

    /** Generates (or reuses) the file and takes the two checkpoints with the connector itself. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = csvFile(rows);
        manager = ComponentManager.builder().checkpointing(true).build();
        Map<String, String> config = new HashMap<>();
        config.put("configuration.path", file.toString());
        config.put("configuration.batchSize", "1000");

        Input input = manager.findMapper("file", "csv-input", 1, config).orElseThrow().create();
        input.start(); // explicit mode: the host takes checkpoints when it likes
        CheckpointState first = input.getCheckpoint();
        for (int i = 0; i < resumeAfter; i++) {
            input.next();
        }
        CheckpointState later = input.getCheckpoint();
        input.stop();

        atRow0 = resumeConfig(config, first);
        atLaterRow = resumeConfig(config, later);
        check(atRow0, 1);
        check(atLaterRow, resumeAfter + 1);
        System.out.println("\ncheckpoints: " + first + " and " + later);
    }

    /** Closes the manager. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** Resume from the checkpoint taken before the first row. */
    @Benchmark
    public Object resumeAtRow0() {
        return resume(atRow0);
    }

    /** Resume from the checkpoint taken after row 9,000,000. */
    @Benchmark
    public Object resumeAtRow9000000() {
        return resume(atLaterRow);
    }

    private Object resume(Map<String, String> config) {
        Input input = manager.findMapper("file", "csv-input", 1, config).orElseThrow().create();
        input.start();
        Object record = input.next();
        input.stop();
        return record;
    }

    private void check(Map<String, String> config, int expectedId) {
        String id = ((JsonObject) resume(config)).getString("id");
        if (!id.equals(String.valueOf(expectedId))) {
            throw new IllegalStateException("resumed at id " + id + ", expected " + expectedId);
        }
    }

    private static Map<String, String> resumeConfig(Map<String, String> config, CheckpointState state) {
        Map<String, String> resumed = new HashMap<>(config);
        resumed.putAll(ComponentManager.jsonToMap(state.toJson()));
        return resumed;
    }

    /** {@code id,name,note,amount} rows, some fields quoted; written to a temp name, then renamed when complete. */
    private static Path csvFile(int rows) throws IOException {
        Path dir = Path.of(System.getProperty("connectorkit.bench.dir", System.getProperty("java.io.tmpdir")));
        Path file = dir.resolve("csv-resume-" + rows + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "csv-resume-", ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            out.write("id,name,note,amount\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder(64);
            for (int r = 1; r <= rows; r++) {
                line.setLength(0);
                line.append(r).append(",name-").append(r % 1000).append(",\"note, ").append(r % 97)
                        .append("\",").append(r % 100_000).append('.').append(r % 100).append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
