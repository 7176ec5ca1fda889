package io.connectorkit.runner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectorkit.runner.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --password-env VAR}: the password of a {@code jdbc:} store or sink comes from the environment, not the
 * command line that {@code ps} shows every user. Runs against an embedded H2 database created with a password, in
 * child JVMs (the environment is the child's); the password never appears in anything the runner prints.
 */
class PasswordOptionTest {

    private static final String SECRET = "pw-9f2c-not-on-the-command-line";

    @TempDir
    Path dir;

    private String url;
    private Path configuration;

    @BeforeEach
    void createDatabaseWithAPassword() throws SQLException, java.io.IOException {
        url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";USER=owner";
        try (Connection c = DriverManager.getConnection(url, null, SECRET)) {
            c.createStatement().execute("SELECT 1");
        }
        configuration = Files.writeString(dir.resolve("c.json"),
                "{\"configuration\": {\"total\": 25, \"batchSize\": 10}}");
    }

    private String[] run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--family", "checkpoint", "--name",
                "list-input", "--configuration", configuration.toString(), "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aStoreAndASinkTakeTheirPasswordFromTheEnvironment() {
        Cli.Result store = Cli.forkWithEnvironment(dir, Map.of("CK_DB_PASSWORD", SECRET), run("--store", url,
                "--password-env", "CK_DB_PASSWORD", "--job", "pw", "--output", dir.resolve("out.jsonl").toString()))
                .assertCode(0);
        Cli.Result show = Cli.forkWithEnvironment(dir, Map.of("CK_DB_PASSWORD", SECRET), "checkpoint", "show",
                "--store", url, "--password-env", "CK_DB_PASSWORD", "--job", "pw").assertCode(0);
        Cli.Result sink = Cli.forkWithEnvironment(dir, Map.of("CK_DB_PASSWORD", SECRET), run("--sink", url,
                "--table", "rows_out", "--password-env", "CK_DB_PASSWORD", "--job", "pw-sink")).assertCode(0);

        for (Cli.Result result : List.of(store, show, sink)) {
            assertFalse(result.all().contains(SECRET), result.all());
        }
        assertEquals(25, lines(dir.resolve("out.jsonl")));
    }

    @Test
    void aWrongPasswordIsNamedAsSuchAndNeverPrinted() {
        Cli.Result wrong = Cli.forkWithEnvironment(dir, Map.of("CK_DB_PASSWORD", "wrong-" + SECRET), run("--store",
                url, "--password-env", "CK_DB_PASSWORD", "--output", dir.resolve("out.jsonl").toString()))
                .assertCode(6);

        assertFalse(wrong.all().contains(SECRET), wrong.all());
    }

    @Test
    void aVariableThatIsNotSetOrAFileStoreIsABadCommandLine() {
        Cli.forkWithEnvironment(dir, Map.of(), run("--store", url, "--password-env", "CK_NO_SUCH_VARIABLE"))
                .assertCode(2);
        Cli.Result file = Cli.forkWithEnvironment(dir, Map.of("CK_DB_PASSWORD", SECRET), run("--store",
                "file:" + dir.resolve("store"), "--password-env", "CK_DB_PASSWORD")).assertCode(2);
        assertFalse(file.all().contains(SECRET), file.all());
    }

    private static long lines(Path file) {
        try (java.util.stream.Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
