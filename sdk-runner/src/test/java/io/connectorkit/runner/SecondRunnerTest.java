package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runner processes on one job: the second fails fast while the first is running, and leaves its output alone. */
class SecondRunnerTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunnerProcessOnTheSameJobIsRefused() throws Exception {
        Path configuration = Cli.listInput(dir, 50_000_000, 1000);
        Path output = dir.resolve("first.jsonl");
        Process first = Cli.start(dir.resolve("first.log"), List.of(), "run",
                "--family", "checkpoint", "--name", "list-input", "--configuration", configuration.toString(),
                "--store", Cli.fileStore(dir.resolve("checkpoints")), "--job", "shared", "--output", output.toString(),
                "--quiet");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(output) && Files.size(output) > 0) && System.nanoTime() < deadline) {
                assertTrue(first.isAlive(), "the first runner is running: " + Files.readString(dir.resolve("first.log")));
                Thread.sleep(10);
            }
            Cli.Result second = Cli.fork(dir, "run", "--family", "checkpoint", "--name", "list-input",
                    "--configuration", configuration.toString(), "--store", Cli.fileStore(dir.resolve("checkpoints")),
                    "--job", "shared", "--output", dir.resolve("second.jsonl").toString(), "--quiet");
            second.assertCode(ExitCodes.STORE_FAILED);
            assertTrue(second.err().contains("locked"), second.err());
            assertTrue(first.isAlive(), "the first runner goes on");
            assertTrue(!Files.exists(dir.resolve("second.jsonl")), "the refused runner opened no output");
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
