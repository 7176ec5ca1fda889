package io.connectorkit.benchmarks;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Cold starts, each in a JVM of its own: Connector Kit's and TCK's {@code new ComponentManager()} to the first record
 * of the same emitter (timed inside the fresh JVM, class loading included, JVM start excluded), and a one-record
 * {@code ck run} of {@code list-input} from process start to exit (timed from outside). The three kinds of process are
 * interleaved, sample after sample, so that they see the same machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.ColdStart --samples 15</pre>
 *
 * <p>{@code --runner-jvm-args "-XX:SharedArchiveFile=..."} passes options to the {@code ck run} processes;
 * {@code --runner-launcher sdk-runner/target/ck} starts them with that launcher instead of {@code java -jar}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--probe")) {
            System.out.println(args[1].equals("ck") ? SideBySideModes.ckStartup() : tckStartup());
            return;
        }
        int samples = 15;
        List<String> runnerJvmArgs = new ArrayList<>();
        String launcher = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--runner-jvm-args" -> runnerJvmArgs.addAll(List.of(args[i + 1].trim().split("\\s+")));
                case "--runner-launcher" -> launcher = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --samples N --runner-jvm-args \"ARGS\" --runner-launcher PATH");
            }
        }
        if (launcher != null && !runnerJvmArgs.isEmpty()) {
            throw new IllegalArgumentException("--runner-launcher and --runner-jvm-args exclude each other");
        }
        Path runnerJar = BenchFiles.targetDir().resolve("../../sdk-runner/target/connectorkit-runner.jar").normalize();
        List<String> runnerCommand = new ArrayList<>();
        if (launcher != null) {
            runnerCommand.add(Paths.get(launcher).toAbsolutePath().toString());
        } else {
            runnerCommand.add(javaCommand());
            runnerCommand.addAll(runnerJvmArgs);
            runnerCommand.addAll(List.of("-jar", runnerJar.toString()));
        }
        run(samples, runnerCommand);
    }

    private static void run(int samples, List<String> runnerCommand) throws Exception {
        Path work = BenchFiles.targetDir().resolve("cold-start");
        Files.createDirectories(work);
        Path configuration = Files.writeString(work.resolve("one-record.json"),
                "{\"configuration\": {\"total\": 1}}\n");
        List<Double> ck = new ArrayList<>();
        List<Double> tck = new ArrayList<>();
        List<Double> runner = new ArrayList<>();
        probe("ck"); // the first fork of a session pays for the page cache; not counted
        for (int i = 0; i < samples; i++) {
            ck.add(probe("ck") / 1e6);
            tck.add(probe("tck") / 1e6);
            runner.add(runOneRecord(runnerCommand, configuration, work));
        }
        System.out.printf(Locale.ROOT, "cold start, %d fresh JVMs each (median, min-max):%n", samples);
        System.out.printf(Locale.ROOT, "  Connector Kit new ComponentManager() to first record  %s ms%n", spread(ck));
        System.out.printf(Locale.ROOT, "  TCK 1.88.0 new ComponentManager() to first record     %s ms%n", spread(tck));
        System.out.printf(Locale.ROOT, "  one-record ck run, process start to exit              %s ms (%s)%n", spread(runner),
                String.join(" ", runnerCommand));
        System.out.printf(Locale.ROOT, "target: TCK / CK cold = %.1f (>= 20), one-record run = %.0f ms (<= 300)%n",
                median(tck) / median(ck), median(runner));
    }

    /** Runs this class with {@code --probe kind} in a new JVM and returns what it printed: nanoseconds. */
    private static long probe(String kind) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName(), "--probe", kind).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the " + kind + " probe failed: " + out);
        }
        String[] lines = out.split("\\R");
        return Long.parseLong(lines[lines.length - 1].trim());
    }

    /**
     * Milliseconds from starting {@code runnerCommand} ({@code java -jar connectorkit-runner.jar} or the launcher)
     * {@code run} for one record to its exit.
     */
    private static double runOneRecord(List<String> runnerCommand, Path configuration, Path work)
            throws IOException, InterruptedException {
        Path store = work.resolve("store");
        BenchFiles.deleteTree(store);
        List<String> command = new ArrayList<>(runnerCommand);
        command.addAll(List.of("run", "--family", "checkpoint", "--name", "list-input",
                "--configuration", configuration.toString(), "--output", work.resolve("out.jsonl").toString(),
                "--store", "file:" + store, "--quiet"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int code = process.waitFor();
        long elapsed = System.nanoTime() - start;
        if (code != 0) {
            throw new IllegalStateException("the one-record run exited with " + code);
        }
        return elapsed / 1e6;
    }

    /** TCK's cold figure: its class loader is made before the clock starts, as a host would have it. */
    private static long tckStartup() throws Exception {
        SideBySide.Options options = SideBySide.Options.parse(new String[0]);
        try (URLClassLoader loader = TckJars.loader(options)) {
            Path pluginJar = TckJars.pluginJar(options);
            Path m2 = TckJars.m2(options);
            Class<?> driver = Class.forName("io.connectorkit.benchmarks.tck.TckDriver", true, loader);
            Method startup = driver.getMethod("startup", Path.class, Path.class);
            return (Long) startup.invoke(null, m2, pluginJar);
        }
    }

    private static String javaCommand() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String spread(List<Double> values) {
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median(values), Collections.min(values),
                Collections.max(values));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
