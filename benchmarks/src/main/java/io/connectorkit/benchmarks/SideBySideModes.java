package io.connectorkit.benchmarks;

import io.connectorkit.benchmarks.emitter.SmallRecords;
import io.connectorkit.benchmarks.emitter.SmallRecordsConfig;
import io.connectorkit.benchmarks.plain.Allocation;
import io.connectorkit.benchmarks.plain.BareDurableWrite;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.store.AsyncCheckpointWriter;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.StoreOptions;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@link SideBySide} measures: one loop per mode, so that each has its own JIT profile, each returning
 * {@code {nanoseconds, bytes allocated, records, sum of record lengths}}; the start-up and durable-save measurements;
 * and TCK's modes, run through its driver. Changes when what is measured changes; the harness that interleaves the
 * modes and the table of results are elsewhere.
 */
final class SideBySideModes {

    private SideBySideModes() {
    }

    /** Records per second of a loop's result. */
    static double rate(long[] result) {
        return result[2] * 1e9 / result[0];
    }

    static long[] bare(long n) {
        SmallRecordsConfig configuration = new SmallRecordsConfig();
        configuration.setTotal(n);
        SmallRecords emitter = new SmallRecords(configuration);
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        long count = 0;
        long sum = 0;
        for (String record = emitter.next(); record != null; record = emitter.next()) {
            sum += record.length();
            count++;
        }
        return new long[] {System.nanoTime() - start, Allocation.currentThread() - allocated, count, sum};
    }

    static long[] ckOff(ComponentManager manager, long n) {
        Input input = mapper(manager, n).create();
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        input.start();
        long count = 0;
        long sum = 0;
        for (Object record = input.next(); record != null; record = input.next()) {
            sum += ((String) record).length();
            count++;
        }
        input.stop();
        return new long[] {System.nanoTime() - start, Allocation.currentThread() - allocated, count, sum};
    }

    static long[] ckExplicit(ComponentManager manager, long n, AsyncCheckpointWriter writer) {
        Input input = mapper(manager, n).create();
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        input.start();
        long count = 0;
        long sum = 0;
        for (Object record = input.next(); record != null; record = input.next()) {
            sum += ((String) record).length();
            count++;
            if (input.isCheckpointReady()) {
                writer.submit(SideBySide.COMPONENT, input.getCheckpoint());
            }
        }
        input.stop();
        return new long[] {System.nanoTime() - start, Allocation.currentThread() - allocated, count, sum};
    }

    static long[] ckCallback(ComponentManager manager, long n, AsyncCheckpointWriter writer) {
        Input input = mapper(manager, n).create();
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        Consumer<CheckpointState> save = state -> writer.submit(SideBySide.COMPONENT, state);
        input.start(save);
        long count = 0;
        long sum = 0;
        for (Object record = input.next(); record != null; record = input.next()) {
            sum += ((String) record).length();
            count++;
        }
        input.stop();
        return new long[] {System.nanoTime() - start, Allocation.currentThread() - allocated, count, sum};
    }

    /** {@code new ComponentManager()} to the first record, in nanoseconds. */
    static long ckStartup() {
        long start = System.nanoTime();
        Object first;
        try (ComponentManager manager = new ComponentManager()) {
            Input input = mapper(manager, 10).create();
            input.start();
            first = input.next();
            long elapsed = System.nanoTime() - start;
            input.stop();
            if (first == null) {
                throw new IllegalStateException("no first record");
            }
            return elapsed;
        }
    }

    /**
     * Synchronous durable saves per second through the file store (fsync on) and through {@link BareDurableWrite},
     * for {@code storeSeconds} in all: alternating batches of 10 saves, so that both see the same disk (whose fsync
     * latency here drifts by 2-3x within seconds).
     *
     * @return {file store saves/s, bare saves/s}
     */
    static double[] saves(SideBySide.Options options) {
        Path storeDir = options.work().resolve("store-saves");
        Path bareDir = options.work().resolve("bare-saves");
        BenchFiles.deleteTree(storeDir);
        BenchFiles.deleteTree(bareDir);
        JsonObject checkpoint = new CheckpointState(1, jakarta.json.Json.createObjectBuilder()
                .add("sinceId", 123_456_789L).build()).toJson();
        byte[] bytes = checkpoint.toString().getBytes(StandardCharsets.UTF_8);
        try (FileCheckpointStore store = new FileCheckpointStore(storeDir, StoreOptions.DEFAULTS);
             BareDurableWrite write = new BareDurableWrite(bareDir)) {
            long deadline = System.nanoTime() + (long) (options.storeSeconds() * 1e9);
            long storeNanos = 0;
            long bareNanos = 0;
            long batches = 0;
            do {
                long start = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    store.save("bench", "p0", SideBySide.COMPONENT, checkpoint);
                }
                long middle = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    write.write(bytes);
                }
                long end = System.nanoTime();
                storeNanos += middle - start;
                bareNanos += end - middle;
                batches++;
            } while (System.nanoTime() < deadline);
            return new double[] {batches * 10 * 1e9 / storeNanos, batches * 10 * 1e9 / bareNanos};
        }
    }

    private static Mapper mapper(ComponentManager manager, long n) {
        return manager.findMapper("bench", "small-records", 1, Map.of("configuration.total", Long.toString(n)))
                .orElseThrow();
    }

    interface WriterRun {
        long[] run(AsyncCheckpointWriter writer);
    }

    /** A fresh file store and writer for one run; the final flush is not timed (nor is TCK's). */
    static long[] withWriter(SideBySide.Options options, String name, WriterRun run) {
        Path dir = options.work().resolve("ck-" + name);
        BenchFiles.deleteTree(dir);
        try (FileCheckpointStore store = new FileCheckpointStore(dir, StoreOptions.DEFAULTS);
             AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, "bench", "p0")
                     .minPause(options.savePause()).start()) {
            return run.run(writer);
        }
    }

    static long[] tckRun(Method run, Object tck, String mode, long n, long every, Path work) {
        Path dir = work.resolve("tck-" + mode + "-" + every);
        BenchFiles.deleteTree(dir);
        return (long[]) TckJars.invoke(run, tck, mode, n, every, dir);
    }

}
