package io.connectorkit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.Callable;

/**
 * Cold starts, each in a JVM of its own: Connector Kit's and TCK's {@code new ComponentManager()} to the first record
 * of the same emitter (timed inside the fresh JVM, class loading included, JVM start excluded), and a one-record
 * {@code ck run} of {@code list-input} from process start to exit (timed from outside). The kinds of process are
 * interleaved, sample after sample, so that they see the same machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.ColdStart --samples 15 [--cds]</pre>
 *
 * <p>{@code --cds} measures each kind with application class-data sharing too, in the same run: Connector Kit's and
 * TCK's probes each with a dynamic archive made by a training run of the same probe first (not counted), and the
 * runner with the archive its build made ({@code sdk-runner/target/connectorkit-runner.jsa}).
 * {@code --runner-jvm-args "..."} passes options to the plain {@code ck run} processes; {@code --runner-launcher
 * sdk-runner/target/ck} starts them with that launcher instead of {@code java -jar}.
 */
public final class ColdStart {

    /** What keeps a JVM quiet about an archive it cannot use, as the runner's launcher does. */
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--probe")) {
            System.out.println(args[1].equals("ck") ? SideBySideModes.ckStartup() : tckStartup());
            return;
        }
        int samples = 15;
        boolean cds = false;
        List<String> runnerJvmArgs = new ArrayList<>();
        String launcher = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--cds" -> cds = true;
                case "--runner-jvm-args" -> runnerJvmArgs.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--runner-launcher" -> launcher = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --samples N --cds --runner-jvm-args \"ARGS\" --runner-launcher PATH");
            }
        }
        if (launcher != null && !runnerJvmArgs.isEmpty()) {
            throw new IllegalArgumentException("--runner-launcher and --runner-jvm-args exclude each other");
        }
        Path work = BenchFiles.targetDir().resolve("cold-start");
        Files.createDirectories(work);
        Path runnerJar = BenchFiles.targetDir().resolve("../../sdk-runner/target/connectorkit-runner.jar").normalize();
        List<String> runnerCommand = new ArrayList<>();
        if (launcher != null) {
            runnerCommand.add(Paths.get(launcher).toAbsolutePath().toString());
        } else {
            runnerCommand.add(javaCommand());
            runnerCommand.addAll(runnerJvmArgs);
            runnerCommand.addAll(List.of("-jar", runnerJar.toString()));
        }
        List<Kind> kinds = new ArrayList<>(List.of(
                new Kind("Connector Kit new ComponentManager() to first record", () -> probe("ck", List.of())),
                new Kind("TCK 1.88.0 new ComponentManager() to first record", () -> probe("tck", List.of())),
                new Kind("one-record ck run, process start to exit", () -> runOneRecord(runnerCommand, work))));
        if (cds) {
            List<String> ckArchive = trainedArchive("ck", work);
            List<String> tckArchive = trainedArchive("tck", work);
            Path runnerArchive = runnerJar.resolveSibling("connectorkit-runner.jsa");
            if (!Files.isRegularFile(runnerArchive)) {
                throw new IllegalStateException("no " + runnerArchive + ": build sdk-runner (mvn package) first");
            }
            List<String> runnerWithArchive = new ArrayList<>(List.of(javaCommand(),
                    "-XX:SharedArchiveFile=" + runnerArchive));
            runnerWithArchive.addAll(QUIET_CDS);
            runnerWithArchive.addAll(List.of("-jar", runnerJar.toString()));
            kinds.add(new Kind("CDS: Connector Kit, same", () -> probe("ck", ckArchive)));
            kinds.add(new Kind("CDS: TCK 1.88.0, same", () -> probe("tck", tckArchive)));
            kinds.add(new Kind("CDS: one-record ck run, the build's archive", () -> runOneRecord(runnerWithArchive,
                    work)));
        }
        double loadBefore = loadAverage();
        probe("ck", List.of()); // the first fork of a session pays for the page cache; not counted
        for (int i = 0; i < samples; i++) {
            for (Kind kind : kinds) {
                kind.values.add(kind.measure.call());
            }
        }
        System.out.printf(Locale.ROOT, "cold start, %d fresh JVMs each (median, min-max), load average %.2f before, "
                + "%.2f after:%n", samples, loadBefore, loadAverage());
        for (Kind kind : kinds) {
            System.out.printf(Locale.ROOT, "  %-55s %s ms%n", kind.label, spread(kind.values));
        }
        System.out.printf(Locale.ROOT, "  (ck run: %s)%n", String.join(" ", runnerCommand));
        System.out.printf(Locale.ROOT, "target: TCK / CK cold = %.1f (>= 20), one-record run = %.0f ms (<= 300)%n",
                median(kinds.get(1).values) / median(kinds.get(0).values), median(kinds.get(2).values));
        if (cds) {
            System.out.printf(Locale.ROOT, "with CDS on both sides: TCK / CK cold = %.1f, one-record run = %.0f ms%n",
                    median(kinds.get(4).values) / median(kinds.get(3).values), median(kinds.get(5).values));
        }
    }

    /** One kind of process: what the table calls it, how one sample is taken (milliseconds), the samples. */
    private record Kind(String label, Callable<Double> measure, List<Double> values) {
        Kind(String label, Callable<Double> measure) {
            this(label, measure, new ArrayList<>());
        }
    }

    /**
     * Makes a dynamic archive of what the probe {@code kind} loads, by a run of it that is not counted, and returns
     * the options that use it.
     */
    private static List<String> trainedArchive(String kind, Path work) throws IOException, InterruptedException {
        Path archive = work.resolve(kind + "-probe.jsa");
        Files.deleteIfExists(archive);
        List<String> dump = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive));
        dump.addAll(QUIET_CDS);
        probe(kind, dump);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run of the " + kind + " probe wrote no " + archive);
        }
        List<String> use = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        use.addAll(QUIET_CDS);
        return use;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Runs this class with {@code --probe kind} in a new JVM started with {@code jvmArgs} and returns what it printed,
     * in milliseconds.
     */
    private static double probe(String kind, List<String> jvmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), "--probe",
                kind));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the " + kind + " probe failed: " + out);
        }
        String[] lines = out.split("\\R");
        return Long.parseLong(lines[lines.length - 1].trim()) / 1e6;
    }

    /**
     * Milliseconds from starting {@code runnerCommand} ({@code java -jar connectorkit-runner.jar} or the launcher)
     * {@code run} for one record to its exit.
     */
    private static double runOneRecord(List<String> runnerCommand, Path work)
            throws IOException, InterruptedException {
        Path configuration = Files.writeString(work.resolve("one-record.json"),
                "{\"configuration\": {\"total\": 1}}\n");
        Path store = work.resolve("store");
        Path output = work.resolve("out.jsonl");
        // A new job each time: no checkpoint, no output (an output left behind would be a job that crashed).
        BenchFiles.deleteTree(store);
        Files.deleteIfExists(output);
        List<String> command = new ArrayList<>(runnerCommand);
        command.addAll(List.of("run", "--family", "checkpoint", "--name", "list-input",
                "--configuration", configuration.toString(), "--output", output.toString(),
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
