package io.connectorkit.benchmarks;

import static io.connectorkit.benchmarks.SideBySideModes.bare;
import static io.connectorkit.benchmarks.SideBySideModes.ckCallback;
import static io.connectorkit.benchmarks.SideBySideModes.ckExplicit;
import static io.connectorkit.benchmarks.SideBySideModes.ckOff;
import static io.connectorkit.benchmarks.SideBySideModes.ckStartup;
import static io.connectorkit.benchmarks.SideBySideModes.tckRun;
import static io.connectorkit.benchmarks.SideBySideModes.withWriter;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.benchmarks.emitter.SmallRecords;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.store.AsyncCheckpointWriter;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
 * <p>This class is the harness: what to run ({@link Options}), the interleaved rounds and what they measured
 * ({@link Report}). The loops measured are {@code SideBySideModes}, TCK's class loader is {@code TckJars}, the table
 * of results and targets is {@code SideBySideTable}.
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
            Path target = BenchFiles.targetDir();
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
            double rate = SideBySideModes.rate(result);
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
        SideBySideTable.print(options, report, System.out);
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

        try (URLClassLoader tckLoader = TckJars.loader(options);
             AutoCloseable tck = TckJars.driver(tckLoader, options);
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
                    ckStartup.add(SideBySideModes.ckStartup() / 1e6);
                }
                tckStartup.add(((Long) TckJars.invoke(tckStartupMethod, tck)) / 1e6);
                double[] saves = SideBySideModes.saves(options);
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
            long[] result = SideBySideModes.bare(records);
            double rate = SideBySideModes.rate(result);
            series.get("bare loop").add(result, rate);
            return rate;
        }
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

    /** The median of {@code values}; NaN when there are none. */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
