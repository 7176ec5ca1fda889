package io.connectorkit.benchmarks.csv;

import io.connectorkit.runtime.ComponentManager;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * csv-input and FastCSV side by side on one file, in one JVM, over interleaved rounds: the figures of the CSV section
 * of docs/PERFORMANCE.md. Not JMH: the point is ratios of runs made a moment apart on the same machine.
 *
 * <ul>
 *   <li>Reading: csv-input through {@link ComponentManager} ({@link CsvInputReads}), FastCSV building the same
 *       {@link JsonObject} per row with the same JSON provider, and FastCSV parsing alone ({@link FastCsvReads}).
 *       Each round runs FastCSV + JSON before, between and after the other two (F C F P F), and each run's rows/s
 *       is divided by the mean of the FastCSV + JSON runs just before and after it.</li>
 *   <li>Resuming: csv-input from its checkpoint at 90 % of the rows (findMapper + create + start + first next +
 *       stop) against FastCSV opening the file, seeking to the checkpoint's byte offset and building the first row,
 *       alternated {@code resumes} times a round, each call timed; a round's figure is the median of its calls.</li>
 * </ul>
 * Round 0 warms up (reading, and {@code resumeWarmUp} resumes of each kind), checks that both build equal rows (the
 * sum of the rows' hash codes) and is not counted. A resume runs code the reading does not (binding, opening, the
 * fingerprint), so how far the JIT has compiled it depends on how many resumes came before: see
 * {@link Options#resumeWarmUp()}.
 *
 * <pre>java -Xms1g -Xmx1g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar \
 *     io.connectorkit.benchmarks.csv.CsvSideBySide --rows 2000000 --rounds 5</pre>
 */
public final class CsvSideBySide {

    static final String CSV_INPUT = "csv-input";
    static final String FASTCSV_JSON = "FastCSV + JSON";
    static final String FASTCSV_PARSE = "FastCSV parsing only";

    /**
     * What to run.
     *
     * @param resumes resumes of each kind per round
     * @param resumeWarmUp resumes of each kind in the warm-up round: with the default 2,000 the rounds measure code
     *     the JIT has compiled; with as few as {@code resumes}, code it is still compiling
     */
    public record Options(int rows, int rounds, int resumes, int resumeWarmUp, double resumeAt, Path dir) {

        static Options parse(String[] args) {
            int rows = 2_000_000;
            int rounds = 5;
            int resumes = 200;
            int resumeWarmUp = 2_000;
            double resumeAt = 0.9;
            Path dir = targetDir().resolve("data");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--rows" -> rows = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--resumes" -> resumes = Integer.parseInt(value);
                    case "--resume-warm-up" -> resumeWarmUp = Integer.parseInt(value);
                    case "--resume-at" -> resumeAt = Double.parseDouble(value);
                    case "--dir" -> dir = Paths.get(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                            + "--rows N --rounds R --resumes K --resume-warm-up W --resume-at FRACTION --dir DIR");
                }
                i++;
            }
            return new Options(rows, rounds, resumes, resumeWarmUp, resumeAt, dir);
        }
    }

    /** One reader's runs: rows/s, and rows/s over the FastCSV + JSON runs around it. */
    public static final class Reading {
        final List<Double> perSecond = new ArrayList<>();
        final List<Double> toFastCsvJson = new ArrayList<>();

        public double median() {
            return CsvSideBySide.median(perSecond);
        }

        /** The median of the per-run ratios to FastCSV + JSON. */
        public double ratio() {
            return CsvSideBySide.median(toFastCsvJson);
        }

        public List<Double> ratios() {
            return List.copyOf(toFastCsvJson);
        }
    }

    /** Each round's median resume times, in microseconds. */
    public record Resumes(List<Double> csvInputMicros, List<Double> seekMicros, long offset) {

        /** Each round's csv-input median over its seek median. */
        public List<Double> ratios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < csvInputMicros.size(); i++) {
                ratios.add(csvInputMicros.get(i) / seekMicros.get(i));
            }
            return ratios;
        }

        public double ratio() {
            return median(ratios());
        }
    }

    /** Everything measured. */
    public record Report(Map<String, Reading> readings, Resumes resumes) {
    }

    private CsvSideBySide() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Report report = run(options, System.out);
        print(options, report, System.out);
    }

    /** Generates (or reuses) the file and runs every round; progress goes to {@code log}. */
    public static Report run(Options options, PrintStream log) throws IOException {
        Path file = CsvBenchFile.of(options.dir(), options.rows());
        JsonBuilderFactory factory = JsonProvider.provider().createBuilderFactory(Map.of());
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (String name : List.of(CSV_INPUT, FASTCSV_JSON, FASTCSV_PARSE)) {
            readings.put(name, new Reading());
        }
        List<Double> csvInputResumes = new ArrayList<>();
        List<Double> seeks = new ArrayList<>();
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            CsvInputReads csvInput = new CsvInputReads(manager, file);
            log.printf(Locale.ROOT, "file %s, %,d rows; warm-up round (not counted)%n", file, options.rows());
            checkSameRows(csvInput, file, factory, options.rows());
            long resumeAfter = Math.round(options.rows() * options.resumeAt());
            Map<String, String> checkpoint = csvInput.checkpointAfter(resumeAfter);
            long offset = Long.parseLong(checkpoint.get("$checkpoint.offset"));
            String[] names = CsvBenchFile.HEADER.toArray(String[]::new);
            JsonObject resumed = csvInput.resume(checkpoint);
            JsonObject sought = FastCsvReads.seekFirstRow(file, offset, names, factory);
            if (!resumed.equals(sought) || !resumed.getString("id").equals(Long.toString(resumeAfter + 1))) {
                throw new IllegalStateException("the resume read " + resumed + ", the seek " + sought);
            }
            resumes(csvInput, checkpoint, file, offset, names, factory, options.resumeWarmUp());

            for (int round = 1; round <= options.rounds(); round++) {
                log.printf(Locale.ROOT, "round %d of %d%n", round, options.rounds());
                Interleaved runs = new Interleaved(readings, () -> timed(() -> FastCsvReads.toJson(file, factory,
                        new RowSink.Counting())));
                runs.measure(CSV_INPUT, () -> timed(() -> csvInput.readAll(new RowSink.Counting())));
                runs.measure(FASTCSV_PARSE, () -> timed(() -> FastCsvReads.parseOnly(file)[0]));
                double[] micros = resumes(csvInput, checkpoint, file, offset, names, factory, options.resumes());
                csvInputResumes.add(micros[0]);
                seeks.add(micros[1]);
            }
            return new Report(readings, new Resumes(csvInputResumes, seeks, offset));
        }
    }

    /** Reads the whole file with csv-input and with FastCSV + JSON and fails unless both built the same rows. */
    private static void checkSameRows(CsvInputReads csvInput, Path file, JsonBuilderFactory factory, long rows) {
        RowSink.Hashing ours = new RowSink.Hashing();
        RowSink.Hashing theirs = new RowSink.Hashing();
        csvInput.readAll(ours);
        FastCsvReads.toJson(file, factory, theirs);
        long parsed = FastCsvReads.parseOnly(file)[0];
        if (ours.rows != rows || theirs.rows != rows || parsed != rows || ours.hash != theirs.hash) {
            throw new IllegalStateException("csv-input built " + ours.rows + " rows (hash " + ours.hash
                    + "), FastCSV " + theirs.rows + " (hash " + theirs.hash + "), FastCSV parsed " + parsed
                    + "; expected " + rows + " equal rows");
        }
    }

    /**
     * {@code count} resumes of each kind, alternated (which goes first alternates too), each timed.
     *
     * @return the median microseconds of {csv-input, FastCSV seek}
     */
    private static double[] resumes(CsvInputReads csvInput, Map<String, String> checkpoint, Path file, long offset,
            String[] names, JsonBuilderFactory factory, int count) {
        List<Double> ours = new ArrayList<>();
        List<Double> seek = new ArrayList<>();
        long ids = 0;
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 2; k++) {
                boolean csvInputNow = (i + k) % 2 == 0;
                long start = System.nanoTime();
                JsonObject first = csvInputNow ? csvInput.resume(checkpoint)
                        : FastCsvReads.seekFirstRow(file, offset, names, factory);
                long nanos = System.nanoTime() - start;
                (csvInputNow ? ours : seek).add(nanos / 1e3);
                ids += first.size();
            }
        }
        if (ids != 2L * count * names.length) {
            throw new IllegalStateException("a resume read a short row");
        }
        return new double[] {median(ours), median(seek)};
    }

    /** Runs the baseline before every reader and after the last; each reader is compared with its neighbours. */
    private static final class Interleaved {
        private final Map<String, Reading> readings;
        private final DoubleSupplier baseline;
        private double before;

        Interleaved(Map<String, Reading> readings, DoubleSupplier baseline) {
            this.readings = readings;
            this.baseline = baseline;
            this.before = baseline();
        }

        void measure(String reader, DoubleSupplier run) {
            double rate = run.getAsDouble();
            double after = baseline();
            Reading reading = readings.get(reader);
            reading.perSecond.add(rate);
            reading.toFastCsvJson.add(rate / ((before + after) / 2));
            before = after;
        }

        private double baseline() {
            double rate = baseline.getAsDouble();
            Reading reading = readings.get(FASTCSV_JSON);
            reading.perSecond.add(rate);
            reading.toFastCsvJson.add(1.0);
            return rate;
        }
    }

    /** Runs {@code read} (which returns its row count) and returns its rows per second. */
    private static double timed(LongSupplier read) {
        long start = System.nanoTime();
        long rows = read.getAsLong();
        return rows * 1e9 / (System.nanoTime() - start);
    }

    /** The tables of docs/PERFORMANCE.md. */
    public static void print(Options options, Report report, PrintStream out) {
        out.printf(Locale.ROOT, "%n%,d rows, %d rounds (medians; ratios are per run against the FastCSV + JSON runs "
                + "just before and after it)%n%n", options.rows(), options.rounds());
        out.println("| reader | rows/s | × FastCSV + JSON | runs (× FastCSV + JSON) | runs (M rows/s) |");
        out.println("|---|---:|---:|---|---|");
        report.readings().forEach((name, reading) -> out.printf(Locale.ROOT, "| %s | %,.0f | %.3f | %s | %s |%n",
                name, reading.median(), reading.ratio(), join(reading.ratios(), 1, "%.2f"),
                join(reading.perSecond, 1e-6, "%.2f")));
        Resumes resumes = report.resumes();
        out.printf(Locale.ROOT, "%nresume at %.0f %% (byte %,d), %d of each per round after %d of each to warm up, "
                + "median per round:%n%n", options.resumeAt() * 100, resumes.offset(), options.resumes(),
                options.resumeWarmUp());
        out.println("| | median µs | rounds (µs) |");
        out.println("|---|---:|---|");
        out.printf(Locale.ROOT, "| csv-input resume | %.1f | %s |%n", median(resumes.csvInputMicros()),
                join(resumes.csvInputMicros(), 1, "%.1f"));
        out.printf(Locale.ROOT, "| FastCSV seek + first row | %.1f | %s |%n", median(resumes.seekMicros()),
                join(resumes.seekMicros(), 1, "%.1f"));
        out.printf(Locale.ROOT, "| csv-input / seek | %.2f | %s |%n", resumes.ratio(),
                join(resumes.ratios(), 1, "%.2f"));
        out.printf(Locale.ROOT, "%ntargets: csv-input ≥ 0.95× FastCSV + JSON: %.3f (%s); resume at %.0f %% ≤ 2× the "
                        + "seek: %.2f× (%s)%n", report.readings().get(CSV_INPUT).ratio(),
                report.readings().get(CSV_INPUT).ratio() >= 0.95 ? "met" : "not met", options.resumeAt() * 100,
                resumes.ratio(), resumes.ratio() <= 2 ? "met" : "not met");
    }

    private static String join(List<Double> values, double scale, String format) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, format, value * scale));
        }
        return text.toString();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code benchmarks/target}: the folder holding this program's classes or jar. */
    static Path targetDir() {
        try {
            return Paths.get(CsvSideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
