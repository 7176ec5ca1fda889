package io.connectorkit.benchmarks.tck;

import io.connectorkit.benchmarks.plain.Allocation;
import io.connectorkit.benchmarks.plain.BareDurableWrite;
import io.connectorkit.benchmarks.plain.CoalescingSaver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.talend.sdk.component.runtime.input.CheckpointState;
import org.talend.sdk.component.runtime.input.Input;
import org.talend.sdk.component.runtime.input.Mapper;
import org.talend.sdk.component.runtime.manager.ComponentManager;

/**
 * Drives TCK's {@code bench/small-records}. Loaded by {@code SideBySide} in TCK's class loader and called
 * reflectively once per measurement (never per record); the loops run here, compiled against TCK's API.
 */
public final class TckDriver implements AutoCloseable {

    private static final String ENABLED = "talend.checkpoint.enabled";

    private final Path m2;
    private final Path pluginJar;
    private final ComponentManager manager;

    public TckDriver(Path m2, Path pluginJar) {
        this.m2 = m2;
        this.pluginJar = pluginJar;
        this.manager = withContextLoader(() -> {
            ComponentManager created = new ComponentManager(m2);
            created.addPlugin(pluginJar.toString());
            return created;
        });
    }

    /**
     * {@code new ComponentManager()} (plugin added) to the first record, in nanoseconds; the manager is closed after.
     */
    public long startup() {
        return startup(m2, pluginJar);
    }

    /**
     * {@link #startup()} without a driver, for a fresh JVM in which nothing of TCK ran yet (its cold start).
     *
     * @return nanoseconds from {@code new ComponentManager()} to the first record
     */
    public static long startup(Path m2, Path pluginJar) {
        return withContextLoader(() -> {
            long start = System.nanoTime();
            ComponentManager fresh = new ComponentManager(m2);
            fresh.addPlugin(pluginJar.toString());
            Mapper mapper = fresh.findMapper("bench", "small-records", 1, configuration(10, 1000)).orElseThrow();
            mapper.start();
            Input input = mapper.create();
            input.start();
            Object first = input.next();
            long elapsed = System.nanoTime() - start;
            if (first == null) {
                throw new IllegalStateException("no first record");
            }
            input.stop();
            mapper.stop();
            fresh.close();
            return elapsed;
        });
    }

    /**
     * Runs {@code records} records in {@code mode} ({@code off}, {@code explicit}, {@code callback}), a checkpoint
     * every {@code every} records saved through a {@link CoalescingSaver} into {@code storeDir} (durably, off the
     * record path); or {@code callback-sync}: saved in the callback with a temp file and a rename, no fsync, the way
     * TCK-NOTES.md measured TCK (TCK itself has no off-path writer).
     *
     * @return {nanoseconds, bytes allocated by this thread, records read, checksum}
     */
    public long[] run(String mode, long records, long every, Path storeDir) {
        return withContextLoader(() -> {
            System.setProperty(ENABLED, Boolean.toString(!mode.equals("off")));
            try (BareDurableWrite write = new BareDurableWrite(storeDir);
                 CoalescingSaver saver = new CoalescingSaver(write);
                 BareDurableWrite tempAndRename = new BareDurableWrite(storeDir.resolve("sync"), false)) {
                Mapper mapper = manager.findMapper("bench", "small-records", 1, configuration(records, every))
                        .orElseThrow();
                mapper.start();
                Input input = mapper.create();
                long[] result = switch (mode) {
                    case "off" -> off(input);
                    case "explicit" -> explicit(input, saver);
                    case "callback" -> callback(input, saver::submit);
                    case "callback-sync" -> callback(input,
                            json -> tempAndRename.write(json.toString().getBytes(StandardCharsets.UTF_8)));
                    default -> throw new IllegalArgumentException(mode);
                };
                mapper.stop();
                return result;
            } finally {
                System.clearProperty(ENABLED);
            }
        });
    }

    private static long[] off(Input input) {
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

    private static long[] explicit(Input input, CoalescingSaver saver) {
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        input.start();
        long count = 0;
        long sum = 0;
        for (Object record = input.next(); record != null; record = input.next()) {
            sum += ((String) record).length();
            count++;
            if (input.isCheckpointReady()) {
                saver.submit(input.getCheckpoint().toJson());
            }
        }
        input.stop();
        return new long[] {System.nanoTime() - start, Allocation.currentThread() - allocated, count, sum};
    }

    private static long[] callback(Input input, Consumer<Object> saver) {
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        Consumer<CheckpointState> save = state -> saver.accept(state.toJson());
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

    private static Map<String, String> configuration(long total, long every) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("configuration.total", Long.toString(total));
        configuration.put("configuration.every", Long.toString(every));
        return configuration;
    }

    @Override
    public void close() {
        withContextLoader(() -> {
            manager.close();
            return null;
        });
    }

    private static <T> T withContextLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TckDriver.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
