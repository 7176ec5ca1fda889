package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the command line in this JVM or a child JVM and captures what it prints; shared by the runner tests. */
public final class Cli {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    /** What one invocation returned and printed. */
    public record Result(int code, String out, String err) {

        /** Both streams, for "never printed" checks. */
        public String all() {
            return out + err;
        }

        /** Fails with the output when the exit code is not {@code expected}. */
        public Result assertCode(int expected) {
            assertEquals(expected, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        /** Fails unless stderr contains every one of {@code parts}. */
        Result assertErrContains(String... parts) {
            for (String part : parts) {
                assertTrue(err.contains(part), () -> "stderr lacks '" + part + "':\n" + err);
            }
            return this;
        }

        /** Fails unless stdout contains every one of {@code parts}. */
        Result assertOutContains(String... parts) {
            for (String part : parts) {
                assertTrue(out.contains(part), () -> "stdout lacks '" + part + "':\n" + out);
            }
            return this;
        }
    }

    private Cli() {
    }

    /** {@code Main.execute(args)} in this JVM, with System.out and System.err captured. */
    public static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream capturedOut = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream capturedErr = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            code = Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code Main} in a child JVM with this test's class path: for {@code --fail-after}, which halts the JVM, and to
     * see everything a process prints (loggers included).
     */
    public static Result fork(Path workDir, String... args) {
        return fork(workDir, List.of(), args);
    }

    /** {@code Main} in a child JVM started with {@code jvmArguments} (a small heap, say). */
    public static Result forkWith(Path workDir, List<String> jvmArguments, String... args) {
        return fork(workDir, jvmArguments, args);
    }

    /**
     * {@code Main} in a child JVM whose java.util.logging prints every level (FINEST included) to stderr, so that
     * anything the runtime or a driver logs is in {@link Result#err()}.
     */
    public static Result forkLoggingEverything(Path workDir, String... args) {
        Path logging = write(workDir.resolve("logging-all.properties"), "handlers=java.util.logging.ConsoleHandler\n"
                + ".level=ALL\njava.util.logging.ConsoleHandler.level=ALL\n");
        return fork(workDir, List.of("-Djava.util.logging.config.file=" + logging), args);
    }

    /**
     * Starts {@code Main} in a child JVM with this test's class path and returns at once; both of its streams go to
     * {@code log}. For tests that kill it or run two at a time.
     */
    static Process start(Path log, List<String> jvmArguments, String... args) throws IOException {
        return new ProcessBuilder(command(jvmArguments, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Starts {@code Main} in a child JVM and returns at once; its standard output and error go to two files. */
    static Process start(Path out, Path err, String... args) throws IOException {
        return new ProcessBuilder(command(List.of(), args)).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
    }

    /**
     * Starts {@code Main} in a child JVM run by {@code wrapper} (such as {@code unshare --pid --fork}) and returns at
     * once; its standard output and error go to two files.
     */
    static Process startWrapped(List<String> wrapper, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(command(List.of(), args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static List<String> command(List<String> jvmArguments, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** {@code Main} in a child JVM whose environment has {@code environment} added. */
    public static Result forkWithEnvironment(Path workDir, Map<String, String> environment, String... args) {
        return fork(workDir, List.of(), environment, args);
    }

    private static Result fork(Path workDir, List<String> jvmArguments, String... args) {
        return fork(workDir, jvmArguments, Map.of(), args);
    }

    private static Result fork(Path workDir, List<String> jvmArguments, Map<String, String> environment,
            String... args) {
        List<String> command = command(jvmArguments, args);
        try {
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the runner did not end within 2 minutes: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The ids of the records in a JSON lines file, in order; empty when it does not exist. */
    static List<Integer> ids(Path jsonLines) {
        if (!Files.exists(jsonLines)) {
            return List.of();
        }
        try {
            List<Integer> ids = new ArrayList<>();
            for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
                Matcher m = ID.matcher(line);
                assertTrue(m.find(), () -> "not a record line: '" + line + "' in " + jsonLines);
                ids.add(Integer.parseInt(m.group(1)));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of the sample {@code name} (no labels) in a Prometheus text file. */
    static double metric(Path prometheusText, String name) {
        try {
            return Files.readAllLines(prometheusText, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no sample " + name + " in " + prometheusText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code json} to {@code file} and returns the file. */
    static Path write(Path file, String json) {
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list-input configuration file with {@code total} records in batches of {@code batchSize}. */
    static Path listInput(Path dir, int total, int batchSize) {
        return write(dir.resolve("list-input-" + total + "-" + batchSize + ".json"),
                "{\"configuration\": {\"total\": " + total + ", \"batchSize\": " + batchSize + "}}");
    }

    /** "file:" + the folder, for --store. */
    static String fileStore(Path dir) {
        return "file:" + dir.toAbsolutePath();
    }
}
