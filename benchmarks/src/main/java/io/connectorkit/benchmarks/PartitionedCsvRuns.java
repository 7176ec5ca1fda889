package io.connectorkit.benchmarks;

import io.connectorkit.runner.Main;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code csv-input} over 4 files (4 splits) run by the runner with {@code --parallelism 2} and with
 * {@code --parallelism 1}, on the same files, in one run: each round starts both as {@code java -jar
 * connectorkit-runner.jar run} processes (alternating which goes first), each a new job with an empty store, writing
 * its records to a JSON-lines file; the time is the process's, start to exit. Prints each round and the medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.PartitionedCsvRuns [--rows N] [--rounds R]
 *     [--output file|devnull] [--in-process [--warm-up W]]</pre>
 *
 * {@code --rows} is per file (default 1,500,000: 4 files of about 100 MB); the files are made once under
 * {@code benchmarks/target/partitioned-csv}. {@code --in-process} runs the same command line in this JVM
 * ({@code Main.execute}) after {@code W} uncounted rounds of each (default 2): the steady state of a runner whose code
 * is compiled, without the JVM's start and the JIT's work, which a short process spends on its second core.
 */
public final class PartitionedCsvRuns {

    private static final int FILES = 4;

    private PartitionedCsvRuns() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_500_000;
        int rounds = 5;
        boolean devNull = false;
        boolean inProcess = false;
        int warmUp = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--output" -> devNull = "devnull".equals(args[++i]);
                case "--in-process" -> inProcess = true;
                case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --rows N --rounds R --output file|devnull --in-process --warm-up W");
            }
        }
        Path work = BenchFiles.targetDir().resolve("partitioned-csv");
        Path runnerJar = BenchFiles.targetDir().resolve("../../sdk-runner/target/connectorkit-runner.jar").normalize();
        if (!inProcess && !Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException("build the runner first (mvn -B -q package -DskipTests): no " + runnerJar);
        }
        Path data = writeFiles(work.resolve("data-" + rows), rows);
        Path configuration = Files.writeString(work.resolve("csv-input.json"), "{\"configuration\": {\"path\": \""
                + data.resolve("part-*.csv").toString().replace("\\", "\\\\") + "\"}}");
        System.out.printf(Locale.ROOT, "csv-input, %d files of %,d rows (%,d bytes in all), %s, output %s%n",
                FILES, rows, size(data), inProcess ? "in this JVM after " + warmUp + " warm-up rounds"
                        : "java -jar " + runnerJar.getFileName(), devNull ? "/dev/null" : "a JSON-lines file");
        Runner runner = inProcess ? PartitionedCsvRuns::runHere : (arguments -> runChild(runnerJar, arguments,
                work));
        for (int round = 0; inProcess && round < warmUp; round++) {
            for (int parallelism : new int[] {1, 2}) {
                run(runner, configuration, work, parallelism, devNull, (long) rows * FILES);
            }
        }
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean twoFirst = round % 2 == 0;
            for (int parallelism : twoFirst ? new int[] {2, 1} : new int[] {1, 2}) {
                double seconds = run(runner, configuration, work, parallelism, devNull, (long) rows * FILES);
                (parallelism == 1 ? one : two).add(seconds);
            }
            System.out.printf(Locale.ROOT, "round %d: parallelism 1 %.2f s, parallelism 2 %.2f s, %.2fx%n", round,
                    one.get(round - 1), two.get(round - 1), one.get(round - 1) / two.get(round - 1));
        }
        double medianOne = median(one);
        double medianTwo = median(two);
        System.out.printf(Locale.ROOT, "median: parallelism 1 %.2f s (%,.0f records/s), parallelism 2 %.2f s "
                + "(%,.0f records/s): %.2fx (target >= 1.7x)%n", medianOne, rows * FILES / medianOne, medianTwo,
                rows * FILES / medianTwo, medianOne / medianTwo);
    }

    /** Runs the runner's command line, by a process or in this JVM, and returns its exit code. */
    @FunctionalInterface
    private interface Runner {
        int run(List<String> arguments) throws IOException, InterruptedException;
    }

    /** One run as a new job; checks that it read every row. */
    private static double run(Runner runner, Path configuration, Path work, int parallelism, boolean devNull,
            long expected) throws IOException, InterruptedException {
        Path store = work.resolve("store");
        Path output = work.resolve("out.jsonl");
        BenchFiles.deleteTree(store);
        Files.deleteIfExists(output);
        List<String> arguments = List.of("run", "--family", "file", "--name", "csv-input", "--configuration",
                configuration.toString(), "--store", "file:" + store, "--output",
                devNull ? "/dev/null" : output.toString(), "--job", "bench-p" + parallelism, "--parallelism",
                String.valueOf(parallelism), "--quiet");
        long start = System.nanoTime();
        int code = runner.run(arguments);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("the run with parallelism " + parallelism + " ended with " + code);
        }
        if (!devNull) {
            long lines;
            try (Stream<String> read = Files.lines(output)) {
                lines = read.count();
            }
            if (lines != expected) {
                throw new IllegalStateException("parallelism " + parallelism + " wrote " + lines + " records, expected "
                        + expected);
            }
        }
        return seconds;
    }

    private static int runHere(List<String> arguments) {
        return Main.execute(arguments.toArray(String[]::new));
    }

    private static int runChild(Path runnerJar, List<String> arguments, Path work) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", runnerJar.toString()));
        command.addAll(arguments);
        Path log = work.resolve("run.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the run took more than 30 minutes");
        }
        if (process.exitValue() != 0) {
            System.err.print(Files.readString(log));
        }
        return process.exitValue();
    }

    /** {@value #FILES} files {@code part-N.csv} of {@code rows} rows each, made once. */
    private static Path writeFiles(Path folder, int rows) throws IOException {
        Path done = folder.resolve(".complete");
        if (Files.exists(done)) {
            return folder;
        }
        Files.createDirectories(folder);
        for (int file = 0; file < FILES; file++) {
            try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("part-" + file + ".csv"),
                    StandardCharsets.UTF_8)) {
                out.write("id,name,city,amount,created\n");
                for (int row = 0; row < rows; row++) {
                    long id = (long) file * rows + row;
                    out.write(id + ",customer " + id + ",City " + (id % 97) + "," + (id % 10_000) / 100.0
                            + ",2026-01-" + (10 + id % 18) + "\n");
                }
            }
        }
        Files.createFile(done);
        return folder;
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
