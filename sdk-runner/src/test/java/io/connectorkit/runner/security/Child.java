package io.connectorkit.runner.security;

import io.connectorkit.runner.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the runner in a child JVM (or in this one) and captures every byte it prints; PostgreSQL when reachable. */
final class Child {

    static final String POSTGRES = System.getenv().getOrDefault("CONNECTORKIT_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    /** Exit code and the raw bytes of both streams. */
    record Result(int code, byte[] out, byte[] err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8);
        }
    }

    private Child() {
    }

    /**
     * {@code Main} in a child JVM whose java.util.logging prints every level (FINEST included) to stderr, so that a
     * secret in any log line is seen.
     */
    static Result fork(Path workDir, String... args) {
        try {
            Path logging = workDir.resolve("logging-all.properties");
            Files.writeString(logging, "handlers=java.util.logging.ConsoleHandler\n.level=ALL\n"
                    + "java.util.logging.ConsoleHandler.level=ALL\n");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Djava.util.logging.config.file=" + logging, "-cp",
                    System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the runner did not end within 2 minutes: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code Main.execute} in this JVM, with both streams captured: for arguments a process cannot take (NUL). */
    static synchronized Result inProcess(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Result(code, outBytes.toByteArray(), errBytes.toByteArray());
    }

    /** The PostgreSQL URL once it answers; else the test is skipped, or fails with CONNECTORKIT_REQUIRE_POSTGRES=true. */
    static String postgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES + (POSTGRES.contains("?") ? "&" : "?")
                + "connectTimeout=3&loginTimeout=3")) {
            return POSTGRES;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CONNECTORKIT_REQUIRE_POSTGRES"))) {
                throw new AssertionError("CONNECTORKIT_REQUIRE_POSTGRES=true but " + POSTGRES + " is not reachable", e);
            }
            Assumptions.abort("PostgreSQL is not reachable at " + POSTGRES + "; set CONNECTORKIT_REQUIRE_POSTGRES=true "
                    + "to make this a failure");
            return null;
        }
    }
}
