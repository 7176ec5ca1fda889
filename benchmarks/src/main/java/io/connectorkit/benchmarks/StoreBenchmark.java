package io.connectorkit.benchmarks;

import io.connectorkit.benchmarks.plain.BareDurableWrite;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.InMemoryCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Target 5: synchronous saves per second through the file store (fsync on, retention 10) against a bare write +
 * fsync + rename + folder-fsync loop on the same disk, and through the in-memory store. Files go to
 * {@code -Dconnectorkit.bench.dir} (default: the temp folder), which decides the disk measured. On a disk whose fsync
 * latency drifts, prefer SideBySide's interleaved figure to two JMH benchmarks run one after the other.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmark {

    private Path dir;
    private FileCheckpointStore fileStore;
    private InMemoryCheckpointStore memoryStore;
    private BareDurableWrite bare;
    private JsonObject checkpoint;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path parent = Path.of(System.getProperty("connectorkit.bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(parent);
        dir = Files.createTempDirectory(parent, "store-bench");
        fileStore = new FileCheckpointStore(dir.resolve("store"));
        memoryStore = new InMemoryCheckpointStore();
        bare = new BareDurableWrite(dir.resolve("bare"));
        checkpoint = new CheckpointState(1, Json.createObjectBuilder().add("sinceId", 123_456_789L).build()).toJson();
        bytes = checkpoint.toString().getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fileStore.close();
        memoryStore.close();
        bare.close();
        deleteTree(dir);
    }

    @Benchmark
    public CheckpointEnvelope fileStoreSave() {
        return fileStore.save("bench", "p0", SideBySide.COMPONENT, checkpoint);
    }

    @Benchmark
    public void bareWriteFsyncRename() {
        bare.write(bytes);
    }

    @Benchmark
    public CheckpointEnvelope inMemorySave() {
        return memoryStore.save("bench", "p0", SideBySide.COMPONENT, checkpoint);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
