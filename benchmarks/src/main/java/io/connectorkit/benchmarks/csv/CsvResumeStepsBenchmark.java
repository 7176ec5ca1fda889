package io.connectorkit.benchmarks.csv;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
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
 * What a csv-input resume at 90 % of the side-by-side file costs, step by step, next to a FastCSV seek: the whole
 * resume, its parts through the runtime (binding alone; binding + {@code start} + {@code stop}, no row), and the
 * file operations {@code CsvReader.open} makes, one by one with the JDK (directory check, open + size + close, the
 * 4096-byte fingerprint as CRC-32 and as version 1's SHA-256, a read of 64 KiB and of 8 KiB).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CsvResumeStepsBenchmark \
 *     -jvmArgsAppend -Dconnectorkit.bench.dir=$PWD/benchmarks/target/data</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvResumeStepsBenchmark {

    private static final int ROWS = 2_000_000;

    private ComponentManager manager;
    private CsvInputReads csvInput;
    private Map<String, String> checkpoint;
    private Path file;
    private long offset;
    private String[] names;
    private JsonBuilderFactory factory;

    /** Generates (or reuses) the file and takes the checkpoint at 90 % with the connector itself. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = CsvBenchFile.of(Path.of(System.getProperty("connectorkit.bench.dir",
                System.getProperty("java.io.tmpdir"))), ROWS);
        manager = ComponentManager.builder().checkpointing(true).build();
        csvInput = new CsvInputReads(manager, file);
        checkpoint = csvInput.checkpointAfter(ROWS * 9L / 10);
        offset = Long.parseLong(checkpoint.get("$checkpoint.offset"));
        names = CsvBenchFile.HEADER.toArray(String[]::new);
        factory = JsonProvider.provider().createBuilderFactory(Map.of());
    }

    /** Closes the manager. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** findMapper + create + start + first next() + stop(). */
    @Benchmark
    public Object resume() {
        return csvInput.resume(checkpoint);
    }

    /** FastCSV: open, seek to the same offset, first row as JSON, close. */
    @Benchmark
    public Object fastCsvSeek() {
        return FastCsvReads.seekFirstRow(file, offset, names, factory);
    }

    /** findMapper alone: the configuration and the checkpoint bound and checked. */
    @Benchmark
    public Object bind() {
        return manager.findMapper("file", "csv-input", 1, checkpoint).orElseThrow();
    }

    /** findMapper + create + start + stop(): everything but the first row. */
    @Benchmark
    public Object bindStartStop() {
        Input input = manager.findMapper("file", "csv-input", 1, checkpoint).orElseThrow().create();
        input.start();
        input.stop();
        return input;
    }

    /** {@code Files.isDirectory}: one stat. */
    @Benchmark
    public boolean isDirectory() {
        return Files.isDirectory(file);
    }

    /** Open, size, close. */
    @Benchmark
    public long openSizeClose() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.size();
        }
    }

    /** Open, read the first 4096 bytes, CRC-32 them to hex (the fingerprint of checkpoint version 2), close. */
    @Benchmark
    public String openFingerprintClose() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4096);
            channel.read(head, 0);
            CRC32 crc = new CRC32();
            crc.update(head.array(), 0, head.position());
            return HexFormat.of().toHexDigits((int) crc.getValue());
        }
    }

    /** Open, read the first 4096 bytes, SHA-256 them to hex (the fingerprint of checkpoint version 1), close. */
    @Benchmark
    public String openSha256Close() throws IOException, NoSuchAlgorithmException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4096);
            channel.read(head, 0);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head.array()));
        }
    }

    /** Open, read 64 KiB at the offset into a new buffer, close: what the reader did for the header and the row. */
    @Benchmark
    public int openRead64kClose() throws IOException {
        return openReadClose(64 * 1024);
    }

    /** Open, read 8 KiB at the offset into a new buffer, close. */
    @Benchmark
    public int openRead8kClose() throws IOException {
        return openReadClose(8 * 1024);
    }

    private int openReadClose(int bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.read(ByteBuffer.allocate(bytes), offset);
        }
    }
}
