package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectorkit.runner.jaronly.JarOnlyJar;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code components}: what the runner can run, on its class path and in {@code --jar}. */
class ComponentsCommandTest {

    @TempDir
    Path dir;

    private static List<String> row(Cli.Result result, String id) {
        return result.out().lines().filter(l -> l.startsWith(id + "  ")).findFirst()
                .map(l -> Arrays.asList(l.split(" {2,}")))
                .orElseThrow(() -> new AssertionError("no row " + id + ":\n" + result.out()));
    }

    @Test
    void listsTheSampleConnectorsWithClassVersionCheckpointingAndHowTheyAreRead() {
        Cli.Result result = Cli.run("components").assertCode(0);

        assertEquals(List.of("checkpoint/list-input", "io.connectorkit.samples.checkpoint.ListInput", "1",
                "yes (version 2)", "as one input"), row(result, "checkpoint/list-input"));
        assertEquals(List.of("file/csv-input", "io.connectorkit.samples.file.CsvInput", "1", "yes (version 2)",
                "in splits"), row(result, "file/csv-input"));
        assertEquals(List.of("jdbc/jdbc-input", "io.connectorkit.samples.jdbc.JdbcInput", "1", "yes (version 1)",
                "in splits"), row(result, "jdbc/jdbc-input"));
        assertEquals(List.of("postgres/cdc-input", "io.connectorkit.samples.cdc.CdcInput", "1", "yes (version 1)",
                "as one input, never ends"), row(result, "postgres/cdc-input"));
    }

    @Test
    void aJarsComponentsAreListedWithJar() {
        assertFalse(Cli.run("components").assertCode(0).out().contains(JarOnlyJar.ID));

        Cli.Result result = Cli.run("components", "--jar", JarOnlyJar.write(dir).toString()).assertCode(0);

        assertEquals(List.of(JarOnlyJar.ID, "io.connectorkit.runner.jaronly.JarOnlyInput", "1", "yes (version 3)",
                "as one input"),
                row(result, JarOnlyJar.ID));
        row(result, "checkpoint/list-input"); // the class path's are still there
    }

    @Test
    void aJarThatCannotBeReadIsABadCommandLine() {
        Cli.run("components", "--jar", dir.resolve("missing.jar").toString()).assertCode(2)
                .assertErrContains("missing.jar", "no such file or folder");
    }
}
