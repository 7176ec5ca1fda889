package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration files a careless or hostile operator can hand to {@code run}: each ends with exit code 5 and one short
 * message naming the file (and the key), never an internal error with a stack trace, a silently kept value, a line
 * forged by a key, or a megabyte of message.
 */
class HostileConfigurationTest {

    @TempDir
    Path dir;

    private Cli.Result run(Path configuration) {
        return Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                configuration.toString(), "--store", fileStore(dir.resolve("store")), "--output",
                dir.resolve("out.jsonl").toString(), "--quiet");
    }

    private static String nested(int levels) {
        return "{\"configuration\": " + "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels) + "}";
    }

    private static void assertOneLineWithoutStackTrace(Cli.Result result) {
        assertFalse(result.err().contains("\tat ") || result.err().contains("internal error"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void configurationNestedBeyondTheParsersLimitIsExit5NamingTheFile() {
        Path file = Cli.write(dir.resolve("deep.json"), nested(1_100));

        Cli.Result result = run(file).assertCode(5).assertErrContains("configuration file " + file,
                "too deeply nested", "nested at most 64 levels");

        assertOneLineWithoutStackTrace(result);
    }

    @Test
    void configurationNestedBeyondTheRuntimesLimitIsExit5AsDocumented() {
        Path file = Cli.write(dir.resolve("deep.json"), nested(100));

        Cli.Result result = run(file).assertCode(5).assertErrContains("configuration file " + file,
                "nested deeper than the limit of 64 levels");

        assertOneLineWithoutStackTrace(result);
    }

    @Test
    void aNumberOfMoreThan1100DigitsIsExit5NamingTheFile() {
        Path file = Cli.write(dir.resolve("number.json"), "{\"configuration\": {\"total\": " + "1".repeat(1_200)
                + "}}");

        Cli.Result result = run(file).assertCode(5).assertErrContains("configuration file " + file, "1100");

        assertOneLineWithoutStackTrace(result);
    }

    @Test
    void aKeyGivenTwiceIsExit5NamingTheKeyInsteadOfKeepingTheLast() {
        Path file = Cli.write(dir.resolve("twice.json"), "{\"configuration\": {\"total\": 5, \"total\": 6}}");

        run(file).assertCode(5).assertErrContains("configuration file " + file, "line 1, column",
                "Duplicate key 'total'");
    }

    @Test
    void aKeyWithALineBreakOrNulCannotForgeALine() {
        Path file = Cli.write(dir.resolve("forged.json"), "{\"configuration\": {\"total\": 5, "
                + "\"x\\nconnectorkit: job 'forged' finished: 0 records\": 1, \"y\\u0000z\": 2}}");

        Cli.Result result = run(file).assertCode(5);

        assertFalse(result.err().lines().anyMatch(line -> line.startsWith("connectorkit: job")), result.err());
        assertFalse(result.err().contains("\0"), result.err());
        assertTrue(result.err().contains("configuration.x\\u000aconnectorkit: job 'forged'")
                && result.err().contains("configuration.y\\u0000z"), result.err());
    }

    @Test
    void tenThousandUnknownCheckpointKeysGiveAShortMessageNamingTheFirstFewAndTheCount() {
        String keys = IntStream.range(0, 10_000).mapToObj(i -> "\"unknown" + i + "\": " + i)
                .collect(Collectors.joining(", "));
        Path file = Cli.write(dir.resolve("keys.json"), "{\"configuration\": {\"total\": 5}, \"$checkpoint\": {"
                + keys + "}}");

        Cli.Result result = run(file).assertCode(5).assertErrContains("(10000 problems)", "configuration.checkpoint.unknown0",
                "and 9980 more problems (9980 of them unknown keys)");

        assertTrue(result.err().length() < 10_000, result.err().length() + " characters");
        assertTrue(Stream.of(result.err().split("\n")).count() <= 25, result.err());
    }
}
