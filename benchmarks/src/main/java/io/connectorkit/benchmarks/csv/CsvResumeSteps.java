package io.connectorkit.benchmarks.csv;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.samples.file.CsvInput;
import io.connectorkit.samples.file.CsvReader;
import io.connectorkit.samples.file.CsvInputCheckpoint;
import io.connectorkit.samples.file.CsvInputConfig;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Where the time of a csv-input resume goes while the JIT is still compiling it: each step timed, in fresh JVMs that
 * do what {@link CsvSideBySide} does before and between its resumes (read the file with csv-input, FastCSV + JSON
 * and FastCSV alone, take the checkpoint at 90 %, then {@code --warm-up} resumes and seeks, then {@code --rounds}
 * rounds of reads and {@code --resumes} resumes and seeks). Each JVM reports the median of each step per round;
 * this prints, per step, the median over rounds and JVMs and the range of the JVMs' medians. Not JMH: JMH measures
 * compiled code, and the point here is the first hundred calls.
 *
 * <p>Modes ({@code --mode}):
 * <ul>
 *   <li>{@code runtime}: the resume as a host makes it, {@code findMapper}, {@code create}, {@code start}, the first
 *       {@code next()}, {@code stop()}, each timed, alternated with a FastCSV seek as in the harness;</li>
 *   <li>{@code direct}: the connector without the runtime: the configuration built with its setters,
 *       {@code new CsvInput(...).read()} (the mapper and its worker), {@code open()}, {@code next()},
 *       {@code close()}, alternated with the seek;</li>
 *   <li>{@code pieces}: the JDK operations {@code CsvReader.open} is made of, alone (no resume runs): a directory
 *       check, open + size + close, reading the first 4,096 bytes, SHA-256 + hex of them, CRC-32 and CRC-32C of
 *       them, a charset look-up.</li>
 * </ul>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.csv.CsvResumeSteps \
 *     --mode runtime --jvms 5 --warm-up 20 --resumes 20 --rounds 5</pre>
 */
public final class CsvResumeSteps {

    private static final String SEEK = "FastCSV seek";
    private static final String TOTAL = "total";

    private CsvResumeSteps() {
    }

    /** What to run. */
    record Options(String mode, int jvms, int rows, int warmUp, int resumes, int rounds, boolean reads, Path dir,
            boolean child) {

        static Options parse(String[] args) {
            String mode = "runtime";
            int jvms = 5;
            int rows = 2_000_000;
            int warmUp = 20;
            int resumes = 20;
            int rounds = 5;
            boolean reads = true;
            Path dir = CsvSideBySide.targetDir().resolve("data");
            boolean child = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--mode" -> mode = value;
                    case "--jvms" -> jvms = Integer.parseInt(value);
                    case "--rows" -> rows = Integer.parseInt(value);
                    case "--warm-up" -> warmUp = Integer.parseInt(value);
                    case "--resumes" -> resumes = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--reads" -> reads = Boolean.parseBoolean(value);
                    case "--dir" -> dir = Paths.get(value);
                    case "--child" -> {
                        child = true;
                        i--;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --mode "
                            + "runtime|direct|pieces --jvms J --rows N --warm-up W --resumes K --rounds R "
                            + "--reads true|false --dir DIR");
                }
                i++;
            }
            if (!List.of("runtime", "direct", "pieces").contains(mode)) {
                throw new IllegalArgumentException("--mode runtime, direct or pieces, got " + mode);
            }
            return new Options(mode, jvms, rows, warmUp, resumes, rounds, reads, dir, child);
        }

        List<String> childArgs() {
            return List.of("--mode", mode, "--rows", Integer.toString(rows), "--warm-up", Integer.toString(warmUp),
                    "--resumes", Integer.toString(resumes), "--rounds", Integer.toString(rounds), "--reads",
                    Boolean.toString(reads), "--dir", dir.toString(), "--child");
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.child()) {
            child(options);
            return;
        }
        CsvBenchFile.of(options.dir(), options.rows()); // generated once, before the JVMs are timed
        Map<String, List<Double>> perJvm = new LinkedHashMap<>();
        for (int jvm = 1; jvm <= options.jvms(); jvm++) {
            System.out.printf(Locale.ROOT, "JVM %d of %d%n", jvm, options.jvms());
            for (Map.Entry<String, Double> step : runChild(options).entrySet()) {
                perJvm.computeIfAbsent(step.getKey(), k -> new ArrayList<>()).add(step.getValue());
            }
        }
        System.out.printf(Locale.ROOT, "%nmode %s, %d JVMs, %d resumes to warm up then %d rounds of %d%s; per step: "
                        + "the median over JVMs of each JVM's median of its round medians, µs%n%n", options.mode(),
                options.jvms(), options.warmUp(), options.rounds(), options.resumes(),
                options.reads() ? " (reads between rounds, as CsvSideBySide)" : "");
        System.out.println("| step | median µs | JVMs (µs) |");
        System.out.println("|---|---:|---|");
        perJvm.forEach((step, values) -> {
            StringBuilder each = new StringBuilder();
            for (double value : values) {
                each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", value));
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f | %s |%n", step, CsvSideBySide.median(values), each);
        });
    }

    /** Runs one child JVM; its lines {@code step<TAB>median} are its medians over rounds. */
    private static Map<String, Double> runChild(Options options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                CsvResumeSteps.class.getName()));
        command.addAll(options.childArgs());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> medians = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
                String[] parts = line.split("\t");
                if (parts.length == 2) {
                    medians.put(parts[0], Double.parseDouble(parts[1]));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("a child JVM failed:\n" + String.join("\n", output));
        }
        return medians;
    }

    private static void child(Options options) throws IOException {
        Path file = CsvBenchFile.of(options.dir(), options.rows());
        JsonBuilderFactory factory = JsonProvider.provider().createBuilderFactory(Map.of());
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            CsvInputReads csvInput = new CsvInputReads(manager, file);
            // What CsvSideBySide does before its first resume: every reader once, then the checkpoint at 90 %.
            reads(csvInput, file, factory, false);
            Map<String, String> checkpoint = csvInput.checkpointAfter(Math.round(options.rows() * 0.9));
            long offset = Long.parseLong(checkpoint.get("$checkpoint.offset"));
            String[] names = CsvBenchFile.HEADER.toArray(String[]::new);
            Steps steps = switch (options.mode()) {
                case "runtime" -> new RuntimeSteps(manager, checkpoint, file, offset, names, factory);
                case "direct" -> new DirectSteps(checkpoint, file, offset, names, factory);
                default -> new Pieces(file);
            };
            steps.run(new Timer(), 1); // CsvSideBySide checks that both resumes read the same row
            steps.run(new Timer(), options.warmUp());
            Map<String, List<Double>> rounds = new LinkedHashMap<>();
            for (int round = 1; round <= options.rounds(); round++) {
                if (options.reads()) {
                    reads(csvInput, file, factory, true);
                }
                Timer timer = new Timer();
                steps.run(timer, options.resumes());
                timer.medians().forEach((step, median) -> rounds.computeIfAbsent(step, k -> new ArrayList<>())
                        .add(median));
            }
            rounds.forEach((step, medians) -> System.out.printf(Locale.ROOT, "%s\t%.3f%n", step,
                    CsvSideBySide.median(medians)));
        }
    }

    /** The readers as one round of CsvSideBySide runs them (F C F P F), or the warm-up's (C F P). */
    private static void reads(CsvInputReads csvInput, Path file, JsonBuilderFactory factory, boolean round) {
        if (round) {
            FastCsvReads.toJson(file, factory, new RowSink.Counting());
        }
        csvInput.readAll(new RowSink.Counting());
        FastCsvReads.toJson(file, factory, new RowSink.Counting());
        FastCsvReads.parseOnly(file);
        if (round) {
            FastCsvReads.toJson(file, factory, new RowSink.Counting());
        }
    }

    /** Each step's times, in microseconds. */
    static final class Timer {
        private final Map<String, List<Double>> times = new LinkedHashMap<>();
        private long last;

        void start() {
            last = System.nanoTime();
        }

        /** Records the time since the last mark under {@code step}, and marks now. */
        void mark(String step) {
            long now = System.nanoTime();
            add(step, (now - last) / 1e3);
            last = now;
        }

        void add(String step, double micros) {
            times.computeIfAbsent(step, k -> new ArrayList<>()).add(micros);
        }

        <T> T time(String step, Supplier<T> work) {
            start();
            T result = work.get();
            mark(step);
            return result;
        }

        Map<String, Double> medians() {
            Map<String, Double> medians = new LinkedHashMap<>();
            times.forEach((step, values) -> medians.put(step, CsvSideBySide.median(values)));
            return medians;
        }
    }

    /** One mode's calls. */
    interface Steps {
        void run(Timer timer, int count);
    }

    /** The resume through the runtime and the seek, alternated as in CsvSideBySide. */
    private record RuntimeSteps(ComponentManager manager, Map<String, String> checkpoint, Path file, long offset,
            String[] names, JsonBuilderFactory factory) implements Steps {

        @Override
        public void run(Timer timer, int count) {
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < 2; k++) {
                    if ((i + k) % 2 == 0) {
                        long start = System.nanoTime();
                        timer.start();
                        Mapper mapper = manager.findMapper("file", "csv-input", 1, checkpoint).orElseThrow();
                        timer.mark("findMapper");
                        Input input = mapper.create();
                        timer.mark("create");
                        input.start();
                        timer.mark("start");
                        Object first = input.next();
                        timer.mark("next");
                        input.stop();
                        timer.mark("stop");
                        timer.add(TOTAL, (System.nanoTime() - start) / 1e3);
                        check(first);
                    } else {
                        check(timer.time(SEEK, () -> FastCsvReads.seekFirstRow(file, offset, names, factory)));
                    }
                }
            }
        }
    }

    /** The connector alone, as the runtime would call it, and the seek, alternated. */
    private record DirectSteps(Map<String, String> checkpoint, Path file, long offset, String[] names,
            JsonBuilderFactory factory) implements Steps {

        @Override
        public void run(Timer timer, int count) {
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < 2; k++) {
                    if ((i + k) % 2 == 0) {
                        long start = System.nanoTime();
                        timer.start();
                        CsvInputConfig configuration = configuration();
                        timer.mark("configuration");
                        CsvReader input = new CsvInput(configuration).read();
                        timer.mark("constructor");
                        input.open();
                        timer.mark("open");
                        JsonObject first = input.next();
                        timer.mark("next");
                        input.close();
                        timer.mark("close");
                        timer.add(TOTAL, (System.nanoTime() - start) / 1e3);
                        check(first);
                    } else {
                        check(timer.time(SEEK, () -> FastCsvReads.seekFirstRow(file, offset, names, factory)));
                    }
                }
            }
        }

        /** What binding gives: a configuration and its checkpoint, made with their setters. */
        private CsvInputConfig configuration() {
            CsvInputConfig configuration = new CsvInputConfig();
            configuration.setPath(checkpoint.get("configuration.path"));
            configuration.setBatchSize(Integer.parseInt(checkpoint.get("configuration.batchSize")));
            CsvInputCheckpoint state = new CsvInputCheckpoint();
            state.setOffset(Long.parseLong(checkpoint.get("$checkpoint.offset")));
            state.setRow(Long.parseLong(checkpoint.get("$checkpoint.row")));
            state.setFileSize(Long.parseLong(checkpoint.get("$checkpoint.fileSize")));
            state.setCrc32(checkpoint.get("$checkpoint.crc32"));
            configuration.setCheckpoint(state);
            return configuration;
        }
    }

    /** The JDK operations of {@code CsvReader.open}, alone. */
    private static final class Pieces implements Steps {
        private static final int HEAD = 4096;
        private final Path file;
        private final MessageDigest sha256;

        Pieces(Path file) {
            this.file = file;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void run(Timer timer, int count) {
            for (int i = 0; i < count; i++) {
                try {
                    timer.start();
                    boolean directory = Files.isDirectory(file);
                    timer.mark("Files.isDirectory");
                    ByteBuffer head;
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        long size = channel.size();
                        timer.mark("open + size");
                        head = ByteBuffer.allocate((int) Math.min(size, HEAD));
                        channel.read(head, 0);
                        timer.mark("read 4,096 bytes");
                    }
                    timer.mark("close");
                    byte[] bytes = head.array();
                    String sha = HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest(bytes));
                    timer.mark("SHA-256 + hex");
                    CRC32 crc32 = new CRC32();
                    crc32.update(bytes, 0, bytes.length);
                    String crc = Integer.toHexString((int) crc32.getValue());
                    timer.mark("CRC-32 + hex");
                    CRC32C crc32c = new CRC32C();
                    crc32c.update(bytes, 0, bytes.length);
                    String crcc = Integer.toHexString((int) crc32c.getValue());
                    timer.mark("CRC-32C + hex");
                    Charset charset = Charset.forName("UTF-8");
                    timer.mark("Charset.forName");
                    if (directory || sha.isEmpty() || crc.isEmpty() || crcc.isEmpty() || charset == null) {
                        throw new IllegalStateException("unexpected");
                    }
                } catch (IOException | CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void check(Object first) {
        if (!(first instanceof JsonObject row) || row.size() != CsvBenchFile.HEADER.size()) {
            throw new IllegalStateException("a resume read " + first);
        }
    }
}
