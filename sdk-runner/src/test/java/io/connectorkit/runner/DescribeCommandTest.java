package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.jaronly.JarOnlyJar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code describe --family F --name N}: the options and checkpoint of the sample connectors. */
class DescribeCommandTest {

    @TempDir
    Path dir;

    private static Cli.Result describe(String family, String name, String... more) {
        String[] args = new String[4 + more.length + 1];
        args[0] = "describe";
        args[1] = "--family";
        args[2] = family;
        args[3] = "--name";
        args[4] = name;
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args);
    }

    /** The cells of the table row whose first cell is {@code first}: columns are two or more spaces apart. */
    private static List<String> row(Cli.Result result, String first) {
        Optional<String> line = result.out().lines().filter(l -> l.startsWith(first + "  ")).findFirst();
        assertTrue(line.isPresent(), () -> "no row " + first + ":\n" + result.out());
        return Arrays.asList(line.get().split(" {2,}"));
    }

    @Test
    void jdbcInputsPasswordIsACredentialWhoseDefaultIsNotShown() {
        Cli.Result result = describe("jdbc", "jdbc-input").assertCode(0);

        assertEquals(List.of("configuration.password", "string", DescribeCommand.HIDDEN, "no", "yes"),
                row(result, "configuration.password"));
        assertEquals(List.of("configuration.url", "string", "-", "yes", "no"), row(result, "configuration.url"));
        assertEquals(List.of("configuration.fetchSize", "int", "1000", "no", "no"),
                row(result, "configuration.fetchSize"));
        assertEquals(List.of("$checkpoint.keyType", "enum LONG|STRING", "-"), row(result, "$checkpoint.keyType"));
    }

    @Test
    void listInputsCheckpointKeysAndVersionAreShown() {
        Cli.Result result = describe("checkpoint", "list-input").assertCode(0);

        result.assertOutContains("ListInputCheckpoint at configuration.checkpoint, version 2 (older versions are "
                + "migrated)");
        assertEquals(List.of("$checkpoint.strategy", "enum BY_ID|BY_DATE", "\"BY_ID\""),
                row(result, "$checkpoint.strategy"));
        assertEquals(List.of("$checkpoint.startDate", "string", "-"), row(result, "$checkpoint.startDate"));
        assertEquals(List.of("$checkpoint.sinceId", "int", "0"), row(result, "$checkpoint.sinceId"));
        assertEquals(List.of("$checkpoint.__version", "int", "2"), row(result, "$checkpoint.__version"));
        assertEquals(List.of("configuration.total", "int", "100", "no", "no"), row(result, "configuration.total"));
        assertEquals(List.of("configuration.firstDate", "string", "\"2024-01-01\"", "no", "no"),
                row(result, "configuration.firstDate"));
    }

    @Test
    void csvInputsRequiredPathAndCharacterDefaults() {
        Cli.Result result = describe("file", "csv-input").assertCode(0);

        assertEquals(List.of("configuration.path", "string", "-", "yes", "no"), row(result, "configuration.path"));
        assertEquals(List.of("configuration.delimiter", "char", "\",\"", "no", "no"),
                row(result, "configuration.delimiter"));
        assertEquals(List.of("configuration.header", "boolean", "true", "no", "no"),
                row(result, "configuration.header"));
        assertEquals(List.of("$checkpoint.row", "long", "1"), row(result, "$checkpoint.row"));
    }

    @Test
    void anInfiniteInputIsSaidToNeverEnd() {
        describe("postgres", "cdc-input").assertCode(0).assertOutContains("reads      as one input that never ends");
        JsonObject json = Json.createReader(new StringReader(describe("postgres", "cdc-input", "--json")
                .assertCode(0).out())).readObject();
        assertTrue(json.getBoolean("infinite"));
    }

    @Test
    void jsonGivesTheSameDescriptionWithoutACredentialsDefault() {
        Cli.Result result = describe("jdbc", "jdbc-input", "--json").assertCode(0);

        JsonObject json = Json.createReader(new StringReader(result.out())).readObject();
        assertEquals("jdbc", json.getString("family"));
        assertTrue(json.getBoolean("checkpoints"));
        assertTrue(json.getBoolean("partitioned"));
        assertFalse(json.getBoolean("infinite"));
        JsonObject password = json.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("path").equals("configuration.password")).findFirst().orElseThrow();
        assertTrue(password.getBoolean("credential"));
        assertFalse(password.containsKey("default"));
        JsonObject checkpoint = json.getJsonObject("checkpoint");
        assertEquals(1, checkpoint.getInt("version"));
        assertEquals(List.of("$checkpoint.lastKey", "$checkpoint.keyType", "$checkpoint.watermark"),
                checkpoint.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                        .map(f -> f.getString("key")).toList());
    }

    @Test
    void aCredentialsDefaultIsNeverPrinted() {
        String jar = JarOnlyJar.write(dir).toString();

        Cli.Result text = describe("jar", "only-input", "--jar", jar).assertCode(0);
        Cli.Result json = describe("jar", "only-input", "--jar", jar, "--json").assertCode(0);

        assertEquals(List.of("configuration.token", "string", DescribeCommand.HIDDEN, "no", "yes"),
                row(text, "configuration.token"));
        assertFalse(text.all().contains(JarOnlyJar.TOKEN_DEFAULT), text.all());
        assertFalse(json.all().contains(JarOnlyJar.TOKEN_DEFAULT), json.all());
        assertEquals(List.of("$checkpoint.__version", "int", "3"), row(text, "$checkpoint.__version"));
    }

    @Test
    void anUnknownComponentGivesRunsErrorAndExitCode() {
        Cli.Result run = Cli.run("run", "--family", "nope", "--name", "missing", "--store",
                Cli.fileStore(dir.resolve("store")), "--output", dir.resolve("out.jsonl").toString(), "--quiet");
        Cli.Result described = describe("nope", "missing").assertCode(run.code());

        assertEquals(ExitCodes.UNKNOWN_COMPONENT, described.code());
        assertEquals(run.err(), described.err());
        described.assertErrContains("nope/missing", "checkpoint/list-input", "file/csv-input", "jdbc/jdbc-input");
    }
}
