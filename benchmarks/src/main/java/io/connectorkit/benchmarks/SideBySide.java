package io.connectorkit.benchmarks;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.benchmarks.emitter.SmallRecords;
import io.connectorkit.benchmarks.emitter.SmallRecordsConfig;
import io.connectorkit.benchmarks.plain.Allocation;
import io.connectorkit.benchmarks.plain.BareDurableWrite;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.store.AsyncCheckpointWriter;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.StoreOptions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Connector Kit, TCK 1.88.0 and a bare loop side by side, in one JVM, interleaved, over several rounds: the figures
 * of docs/PERFORMANCE.md. Not JMH: the point is the ratios between modes measured in the same run on the same
 * machine. Every mode drives the same emitter ({@link SmallRecords}; for TCK {@code tck.plugin.TckSmallRecords}) and
 * every checkpoint is saved durably (temp file, fsync, rename, folder fsync) off the record path.
 *
 * <p>TCK is loaded from {@code benchmarks/target/tck-lib} (copied there by the build) in a class loader of its own,
 * whose parent is the platform class loader, and driven through {@code tck.TckDriver}; the TCK emitter is put in a
 * plugin jar that TCK's {@code ComponentManager} scans like any connector.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.SideBySide --records 5000000 --rounds 5</pre>
 */
public final class SideBySide {

    static final String COMPONENT = "bench/small-records";

    /** What to run. */
    /** @param savePause the least time between two of the Connector Kit writer's saves */
    public record Options(long records, long everyRecordRecords, long tckEveryRecordRecords, int rounds,
                          double storeSeconds, Path work, Path tckLib, Duration savePause) {

        static Options parse(String[] args) {
            Path target = targetDir();
            long records = 5_000_000;
            Long everyRecord = null;
            Long tckEveryRecord = null;
            int rounds = 5;
            double storeSeconds = 2;
            Path work = target.resolve("side-by-side");
            Path tckLib = target.resolve("tck-lib");
            Duration savePause = AsyncCheckpointWriter.DEFAULT_MIN_PAUSE;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--records" -> records = Long.parseLong(value);
                    case "--every-record-records" -> everyRecord = Long.parseLong(value);
                    case "--tck-every-record-records" -> tckEveryRecord = Long.parseLong(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--store-seconds" -> storeSeconds = Double.parseDouble(value);
                    case "--work" -> work = Paths.get(value);
                    case "--tck-lib" -> tckLib = Paths.get(value);
                    case "--save-pause-ms" -> savePause = Duration.ofMillis(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                            + "--records N --every-record-records N --tck-every-record-records N --rounds R "
                            + "--store-seconds S --work DIR --tck-lib DIR --save-pause-ms T");
                }
                i++;
            }
            long every = everyRecord != null ? everyRecord : records;
            long tckEvery = tckEveryRecord != null ? tckEveryRecord : Math.max(records / 2000, 1);
            return new Options(records, every, tckEvery, rounds, storeSeconds, work, tckLib, savePause);
        }
    }

    /** One mode's measurements over the rounds. */
    public static final class Series {
        final String name;
        final List<Double> perSecond = new ArrayList<>();
        final List<Double> bytesPerRecord = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        final List<Double> toBare = new ArrayList<>();

        /** Adds a run; {@code bareAround} is the bare loop's records/s measured right before and after it. */
        void add(long[] result, double bareAround) {
            double rate = rate(result);
            perSecond.add(rate);
            bytesPerRecord.add((double) result[1] / result[2]);
            toBare.add(rate / bareAround);
        }

        public double median() {
            return SideBySide.median(perSecond);
        }

        /**
         * The median, over the runs, of this mode's records/s divided by the bare loop's in the runs just before and
         * after it: the ratio the targets use. The machine's speed drifts by 2-3x within seconds, so a ratio of two
         * runs a tenth of a second apart is far steadier than a ratio of medians taken over the whole run.
         */
        public double toBare() {
            return SideBySide.median(toBare);
        }

        public double bytesPerRecord() {
            return SideBySide.median(bytesPerRecord);
        }
    }

    /** Everything measured. */
    public record Report(Map<String, Series> series, List<Double> ckStartupMillis, List<Double> tckStartupMillis,
                         List<Double> storeSavesPerSecond, List<Double> bareSavesPerSecond) {

        public Series get(String name) {
            return series.get(name);
        }

        /** The ratio of two modes' {@link Series#toBare()}: each against the bare loop run next to it. */
        public double ratio(String name, String base) {
            return get(name).toBare() / get(base).toBare();
        }
    }

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options, System.out);
        print(options, report, System.out);
    }

    /** Runs every mode {@code options.rounds()} times, interleaved; progress goes to {@code log}. */
    public static Report run(Options options, PrintStream log) throws Exception {
        Files.createDirectories(options.work());
        Map<String, Series> series = new LinkedHashMap<>();
        for (String name : List.of("bare loop", "CK feature off", "CK explicit", "CK callback", "CK every record",
                "TCK feature off", "TCK explicit", "TCK callback", "TCK callback, sync temp+rename",
                "TCK every record")) {
            series.put(name, new Series(name));
        }
        List<Double> ckStartup = new ArrayList<>();
        List<Double> tckStartup = new ArrayList<>();
        List<Double> storeSaves = new ArrayList<>();
        List<Double> bareSaves = new ArrayList<>();

        try (URLClassLoader tckLoader = tckLoader(options);
             AutoCloseable tck = tckDriver(tckLoader, options);
             ComponentManager on = ComponentManager.builder().checkpointing(true).build();
             ComponentManager off = ComponentManager.builder().checkpointing(false).build();
             ComponentManager everyRecord = ComponentManager.builder().checkpointing(true)
                     .checkpointFrequency(Frequency.RECORD, 1).build()) {
            Method tckRun = tck.getClass().getMethod("run", String.class, long.class, long.class, Path.class);
            Method tckStartupMethod = tck.getClass().getMethod("startup");
            long n = options.records();
            // Round 0 warms the JIT up for every mode and is not counted.
            for (int round = 0; round <= options.rounds(); round++) {
                log.printf(Locale.ROOT, round == 0 ? "warm-up round%n" : "round %d of %d%n", round, options.rounds());
                if (round == 0) {
                    warmUp(options, on, off, everyRecord, tck, tckRun);
                    continue;
                }
                // Each mode runs between two runs of the bare loop (A B A C A ...), and is compared with them.
                Interleaved runs = new Interleaved(series, n);
                runs.measure("CK feature off", () -> ckOff(off, n));
                runs.measure("TCK feature off", () -> tckRun(tckRun, tck, "off", n, 1000, options.work()));
                runs.measure("CK explicit", () -> withWriter(options, "explicit", w -> ckExplicit(on, n, w)));
                runs.measure("TCK explicit", () -> tckRun(tckRun, tck, "explicit", n, 1000, options.work()));
                runs.measure("CK callback", () -> withWriter(options, "callback", w -> ckCallback(on, n, w)));
                runs.measure("TCK callback", () -> tckRun(tckRun, tck, "callback", n, 1000, options.work()));
                runs.measure("TCK callback, sync temp+rename", () -> tckRun(tckRun, tck, "callback-sync", n, 1000,
                        options.work()));
                runs.measure("CK every record", () -> withWriter(options, "every",
                        w -> ckCallback(everyRecord, options.everyRecordRecords(), w)));
                runs.measure("TCK every record", () -> tckRun(tckRun, tck, "callback",
                        options.tckEveryRecordRecords(), 1, options.work()));
                for (int i = 0; i < 5; i++) {
                    ckStartup.add(ckStartup() / 1e6);
                }
                tckStartup.add(((Long) invoke(tckStartupMethod, tck)) / 1e6);
                double[] saves = saves(options);
                storeSaves.add(saves[0]);
                bareSaves.add(saves[1]);
            }
        }
        return new Report(series, ckStartup, tckStartup, storeSaves, bareSaves);
    }

    /** One round: the bare loop before every mode and after the last, each mode compared with its neighbours. */
    private static final class Interleaved {
        private final Map<String, Series> series;
        private final long records;
        private double bareBefore;

        Interleaved(Map<String, Series> series, long records) {
            this.series = series;
            this.records = records;
            this.bareBefore = bareRun();
        }

        void measure(String mode, Supplier<long[]> run) {
            long[] result = run.get();
            double bareAfter = bareRun();
            series.get(mode).add(result, (bareBefore + bareAfter) / 2);
            bareBefore = bareAfter;
        }

        private double bareRun() {
            long[] result = bare(records);
            double rate = rate(result);
            series.get("bare loop").add(result, rate);
            return rate;
        }
    }

    static double rate(long[] result) {
        return result[2] * 1e9 / result[0];
    }

    private static void warmUp(Options options, ComponentManager on, ComponentManager off, ComponentManager every,
                               Object tck, Method tckRun) {
        long n = Math.min(options.records(), 1_000_000);
        bare(n);
        ckOff(off, n);
        withWriter(options, "explicit", w -> ckExplicit(on, n, w));
        withWriter(options, "callback", w -> ckCallback(on, n, w));
        withWriter(options, "every", w -> ckCallback(every, n, w));
        for (String mode : List.of("off", "explicit", "callback", "callback-sync")) {
            tckRun(tckRun, tck, mode, n, 1000, options.work());
        }
        tckRun(tckRun, tck, "callback", Math.min(options.tckEveryRecordRecords(), 500), 1, options.work());
        ckStartup();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The loops. One method per mode, so that each has its own JIT profile.

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
                writer.submit(COMPONENT, input.getCheckpoint());
            }
        }
        input.stop();
        return new long[] {System.nanoTime() - start, Allocation.currentThread() - allocated, count, sum};
    }

    static long[] ckCallback(ComponentManager manager, long n, AsyncCheckpointWriter writer) {
        Input input = mapper(manager, n).create();
        long allocated = Allocation.currentThread();
        long start = System.nanoTime();
        Consumer<CheckpointState> save = state -> writer.submit(COMPONENT, state);
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
    static double[] saves(Options options) {
        Path storeDir = options.work().resolve("store-saves");
        Path bareDir = options.work().resolve("bare-saves");
        deleteTree(storeDir);
        deleteTree(bareDir);
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
                    store.save("bench", "p0", COMPONENT, checkpoint);
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

    private interface WriterRun {
        long[] run(AsyncCheckpointWriter writer);
    }

    /** A fresh file store and writer for one run; the final flush is not timed (nor is TCK's). */
    private static long[] withWriter(Options options, String name, WriterRun run) {
        Path dir = options.work().resolve("ck-" + name);
        deleteTree(dir);
        try (FileCheckpointStore store = new FileCheckpointStore(dir, StoreOptions.DEFAULTS);
             AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, "bench", "p0")
                     .minPause(options.savePause()).start()) {
            return run.run(writer);
        }
    }

    private static long[] tckRun(Method run, Object tck, String mode, long n, long every, Path work) {
        Path dir = work.resolve("tck-" + mode + "-" + every);
        deleteTree(dir);
        return (long[]) invoke(run, tck, mode, n, every, dir);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // TCK's class loader.

    static URLClassLoader tckLoader(Options options) throws IOException {
        if (!Files.isDirectory(options.tckLib())) {
            throw new IllegalStateException(options.tckLib() + " does not exist: build the benchmarks module first "
                    + "(mvn -B -q install -DskipTests), it copies TCK's jars there");
        }
        Path jars = options.work().resolve("tck-jars");
        deleteTree(jars);
        Files.createDirectories(jars);
        Path driverJar = jars.resolve("bench-tck-driver.jar");
        copyClasses(driverJar, name -> (name.startsWith("io/connectorkit/benchmarks/tck/")
                && !name.startsWith("io/connectorkit/benchmarks/tck/plugin/"))
                || name.startsWith("io/connectorkit/benchmarks/plain/"));
        List<URL> urls = new ArrayList<>();
        urls.add(driverJar.toUri().toURL());
        try (Stream<Path> files = Files.list(options.tckLib())) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return new URLClassLoader("tck", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static AutoCloseable tckDriver(ClassLoader loader, Options options) throws Exception {
        Class<?> driver = Class.forName("io.connectorkit.benchmarks.tck.TckDriver", true, loader);
        return (AutoCloseable) driver.getConstructor(Path.class, Path.class).newInstance(tckM2(options),
                tckPluginJar(options));
    }

    /** The plugin jar of TCK's emitter, written from this program's classes. */
    static Path tckPluginJar(Options options) throws IOException {
        Path pluginJar = options.work().resolve("tck-jars").resolve("bench-tck-plugin.jar");
        copyClasses(pluginJar, name -> name.startsWith("io/connectorkit/benchmarks/tck/plugin/"));
        return pluginJar;
    }

    /** TCK's (empty) Maven repository folder. */
    static Path tckM2(Options options) throws IOException {
        return Files.createDirectories(options.work().resolve("tck-m2"));
    }

    /** A jar of this program's own class files whose names {@code include} accepts. */
    private static void copyClasses(Path jar, java.util.function.Predicate<String> include) throws IOException {
        Path source;
        try {
            source = Paths.get(SideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = source.relativize(file).toString().replace('\\', '/');
                        if (name.endsWith(".class") && include.test(name)) {
                            out.putNextEntry(new JarEntry(name));
                            out.write(Files.readAllBytes(file));
                            out.closeEntry();
                        }
                    }
                }
            } else {
                try (JarFile in = new JarFile(source.toFile())) {
                    for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().endsWith(".class") && include.test(entry.getName())) {
                            out.putNextEntry(new JarEntry(entry.getName()));
                            try (InputStream bytes = in.getInputStream(entry)) {
                                bytes.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
    }

    /** {@code benchmarks/target}: the folder holding this program's classes or jar. */
    static Path targetDir() {
        try {
            Path source = Paths.get(SideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The table.

    static void print(Options options, Report report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%d records per mode (every-record modes: CK %d, TCK %d), %d rounds, medians; "
                        + "checkpoints every 1,000 records unless 'every record', saved durably off the record path; "
                        + "× bare loop: each run against the bare loop runs just before and after it; Connector Kit's "
                        + "writer saves at least %d ms apart%n",
                options.records(), options.everyRecordRecords(), options.tckEveryRecordRecords(), options.rounds(),
                options.savePause().toMillis());
        out.println();
        out.println("| mode | records/s | × bare loop | bytes allocated / record | runs (× the bare loop around it) |");
        out.println("|---|---:|---:|---:|---|");
        for (Series s : report.series().values()) {
            boolean bare = s.name.equals("bare loop");
            List<Double> runs = bare ? s.perSecond.stream().map(v -> v / 1e6).toList() : s.toBare;
            out.printf(Locale.ROOT, "| %s | %,.0f | %.3f | %.1f | %s%s |%n", s.name, s.median(), s.toBare(),
                    s.bytesPerRecord(), runs.stream().map(v -> String.format(Locale.ROOT, "%.2f", v))
                            .reduce((a, b) -> a + " " + b).orElse(""), bare ? " (M records/s)" : "");
        }
        double ckStart = median(report.ckStartupMillis());
        double tckStart = median(report.tckStartupMillis());
        double storeSaves = median(report.storeSavesPerSecond());
        double bareSaves = median(report.bareSavesPerSecond());
        out.println();
        out.printf(Locale.ROOT, "manager creation to first record (warm JVM, median): CK %.3f ms (%d runs), "
                + "TCK %.1f ms (%d runs)%n", ckStart, report.ckStartupMillis().size(), tckStart,
                report.tckStartupMillis().size());
        out.printf(Locale.ROOT, "durable saves/s (fsync on, synchronous, median): file store %,.0f, bare write+fsync+"
                + "rename+dir-fsync %,.0f%n", storeSaves, bareSaves);
        out.println();
        out.println("| target | measured | goal | met |");
        out.println("|---|---:|---|---|");
        target(out, "1a callback, every 1,000 / bare loop", report.ratio("CK callback", "bare loop"), ">= 0.9", 0.9);
        target(out, "1b callback, every 1,000 / TCK callback saving with temp+rename (as in TCK-NOTES)",
                report.ratio("CK callback", "TCK callback, sync temp+rename"), ">= 2", 2);
        target(out, "1b' callback, every 1,000 / TCK callback with our off-path saver (stricter)",
                report.ratio("CK callback", "TCK callback"), ">= 2", 2);
        target(out, "2a every record / bare loop", report.ratio("CK every record", "bare loop"), ">= 0.25", 0.25);
        target(out, "2b every record / TCK every record", report.ratio("CK every record", "TCK every record"),
                ">= 100", 100);
        out.println("| 3 capture + serialise one checkpoint | see JMH SnapshotBenchmark | < 2 µs | |");
        target(out, "4 TCK startup / CK startup", tckStart / ckStart, ">= 10", 10);
        target(out, "5 file store saves/s / bare saves/s", storeSaves / bareSaves, ">= 0.9", 0.9);
        double extra = Math.max(report.get("CK callback").bytesPerRecord(), Math.max(
                report.get("CK explicit").bytesPerRecord(), report.get("CK feature off").bytesPerRecord()))
                - report.get("bare loop").bytesPerRecord();
        out.printf(Locale.ROOT, "| 6 bytes/record above the bare loop (worst of off, explicit, callback) | %.2f | "
                + "<= 16 | %s |%n", extra, extra <= 16 ? "yes" : "NO");
        out.println("| 7 10M records through the runner with -Xmx64m | see run-side-by-side.sh | completes | |");
    }

    private static void target(PrintStream out, String name, double value, String goal, double min) {
        out.printf(Locale.ROOT, "| %s | %.2f | %s | %s |%n", name, value, goal, value >= min ? "yes" : "NO");
    }

    static String join(double[] values) {
        return Arrays.toString(values);
    }
}
