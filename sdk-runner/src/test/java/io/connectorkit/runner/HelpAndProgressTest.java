package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help} and the progress line. */
class HelpAndProgressTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheExitCodes() {
        Cli.Result main = Cli.run("--help").assertCode(0);
        Cli.Result run = Cli.run("run", "--help").assertCode(0);

        for (Cli.Result help : new Cli.Result[] {main, run}) {
            help.assertOutContains("Exit codes:");
            String[][] codes = {{"0", ""}, {"1", "the connector failed"}, {"2", "bad command line"},
                {"3", "--fail-after"}, {"4", "no such component"}, {"5", "bad configuration"},
                {"6", "checkpoint store cannot be opened"}, {"7", "newer version"}, {"8", "the output cannot be written"},
                {"9", "SIGTERM or SIGINT"}, {"130/143", "--stop-grace-ms"}};
            for (String[] code : codes) {
                assertTrue(help.out().lines().anyMatch(line -> line.matches("\\s+" + code[0] + "\\s+\\S.*")
                        && line.contains(code[1])), () -> "exit code " + code[0] + " not listed:\n" + help.out());
            }
        }
        run.assertOutContains("--fail-after", "--every", "--every-ms", "--retries", "--no-checkpoints", "--metrics",
                "--stop-grace-ms");
        assertFalse(run.out().contains("--disable-feature"), "the former name is hidden:\n" + run.out());
        main.assertOutContains("run", "checkpoint", "components", "describe");
        assertTrue(main.out().indexOf("  run ") < main.out().indexOf("  checkpoint ")
                && main.out().indexOf("  checkpoint ") < main.out().indexOf("  components ")
                && main.out().indexOf("  components ") < main.out().indexOf("  describe "), main.out());
        run.assertOutContains("Usage: connectorkit run ");
    }

    @Test
    void aCommandLineNamingASubcommandBuildsThatOneOnly() {
        StopRequest stop = new StopRequest();
        assertEquals(List.of("run"), List.copyOf(Main.commandLine(stop, "run", "--family", "x").getSubcommands()
                .keySet()));
        assertEquals(List.of("checkpoint"), List.copyOf(Main.commandLine(stop, "checkpoint", "list").getSubcommands()
                .keySet()));
        List<String> all = List.of("run", "checkpoint", "components", "describe");
        assertEquals(all, List.copyOf(Main.commandLine(stop, "--help").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine(stop, "rnu").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine(stop).getSubcommands().keySet()));
    }

    @Test
    void anUnknownSubcommandIsAnsweredWithTheListOfAll() {
        Cli.Result typo = Cli.run("rnu");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Unmatched argument at index 0: 'rnu'"), typo.err());
        for (String subcommand : new String[] {"run", "checkpoint", "components", "describe"}) {
            assertTrue(typo.err().contains("\n  " + subcommand + " "), typo.err());
        }
    }

    @Test
    void theProgressTextShowsRecordsRateGenerationAndAge() {
        assertEquals("12,345 records  6,173 records/s  checkpoint #7  3.4 s ago",
                ProgressLine.text(12_345, 2.0, 7, 3.4));
        assertEquals("0 records  0 records/s  checkpoint none yet", ProgressLine.text(0, 0, 0, 12));
    }

    @Test
    void theProgressTextShowsTheInputsBacklogWhenItHasOne() {
        assertEquals("  backlog 1,048,576 bytes", ProgressLine.backlog(1_048_576, "bytes"));
        assertEquals("  backlog unknown", ProgressLine.backlog(-1, "bytes"));
        assertEquals("", ProgressLine.backlog(-1, null), "an input without @Backlog shows none");
    }

    @Test
    void aProgressLineOnATerminalIsRedrawnInPlaceAndEndedOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunnerMetrics metrics = new RunnerMetrics(true);
        metrics.recordRead();
        try (PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ProgressLine line = ProgressLine.on(metrics, terminal);
            line.close();
            line.close(); // run closes it before printing its summary, then again when leaving
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(drawn.startsWith("\r1 records"), drawn);
        assertTrue(drawn.endsWith("checkpoint none yet\u001b[K" + System.lineSeparator()), drawn);
        assertEquals(1, drawn.chars().filter(c -> c == '\n').count(), "ended once: " + drawn);
    }

    @Test
    void quietAndNonTerminalRunsPrintNoProgress() {
        // Standard error is not a terminal here (in this JVM and in a child with redirected streams).
        String[] args = {"run", "--family", "checkpoint", "--name", "list-input", "--configuration",
            listInput(dir, 30, 10).toString(), "--store", fileStore(dir.resolve("store")), "--output",
            dir.resolve("out.jsonl").toString()};

        Cli.Result inProcess = Cli.run(args).assertCode(0).assertErrContains("finished: 30 records");
        Cli.Result child = Cli.fork(dir, args).assertCode(0);
        String[] quiet = java.util.Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "--quiet";
        Cli.Result quietRun = Cli.run(quiet).assertCode(0);

        for (Cli.Result result : new Cli.Result[] {inProcess, child, quietRun}) {
            assertFalse(result.err().contains("\r"), result.err());
            assertFalse(result.err().contains("records/s"), result.err());
        }
        assertFalse(quietRun.err().contains("finished"), "--quiet: no summary either: " + quietRun.err());
    }
}
