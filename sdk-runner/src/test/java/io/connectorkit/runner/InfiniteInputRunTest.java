package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner as the host of an infinite input, {@code test/ticker}: ids up to a burst, then nothing forever. It stops
 * on purpose at {@code --max-records} / {@code --max-duration} with its final checkpoint, acknowledges a checkpoint
 * taken while idle, stops on SIGTERM while idle, does not spin, and shows the input's backlog as a metric.
 */
class InfiniteInputRunTest {

    @TempDir
    Path dir;

    private final ChildRunners children = new ChildRunners();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        children.close();
    }

    private Path configuration(int burst) {
        return Cli.write(dir.resolve("ticker-" + burst + ".json"), "{\"configuration\": {\"burst\": " + burst
                + ", \"log\": \"" + log() + "\"}}");
    }

    private Path log() {
        return dir.resolve("ticker.log");
    }

    private String[] run(int burst, String... more) {
        return Stream.concat(Stream.of("run", "--family", "test", "--name", "ticker", "--job", "ticks", "--quiet",
                "--configuration", configuration(burst).toString(), "--store", fileStore(dir.resolve("store")),
                "--output", dir.resolve("out.jsonl").toString()), Stream.of(more)).toArray(String[]::new);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void maxRecordsStopsWithAFinalCheckpointAndTheNextRunGoesOn() {
        Cli.run(run(1_000, "--max-records", "150")).assertCode(0)
                .assertErrContains("connectorkit: job 'ticks' stopped at --max-records 150: 150 records, final "
                        + "checkpoint #");
        Cli.run(run(1_000, "--max-records", "150")).assertCode(0)
                .assertErrContains("resumes from checkpoint", "{\"sinceId\":150,", "stopped at --max-records 150");
        assertEquals(range(1, 300), ids(dir.resolve("out.jsonl")), "every id once, in order");
    }

    @Test
    void maxDurationStopsAnIdleJobAndItsBacklogIsAMetric() throws IOException {
        Path metrics = dir.resolve("metrics.prom");
        Cli.run(run(250, "--max-duration", "1500ms", "--metrics", metrics.toString())).assertCode(0)
                .assertErrContains("connectorkit: job 'ticks' stopped at --max-duration 1500ms: 250 records");
        assertEquals(range(1, 250), ids(dir.resolve("out.jsonl")));
        String backlog = Files.readAllLines(metrics, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("connectorkit_input_backlog{unit=\"records\"} ")).findFirst()
                .orElseThrow(() -> new AssertionError("no backlog in the metrics:\n" + read(metrics)));
        double value = Double.parseDouble(backlog.substring(backlog.indexOf("} ") + 2));
        assertTrue(value >= 0 && value <= 250, backlog);
    }

    @Test
    void sigtermStopsAnIdleJobThatAcknowledgedItsIdleCheckpointWithoutSpinning() throws Exception {
        long started = System.nanoTime();
        Process child = children.track(Cli.start(dir.resolve("child.out"), dir.resolve("child.err"), run(250)));
        // 250 is no multiple of the checkpoint interval (100): only a checkpoint taken while idle covers it.
        ChildRunners.await(child, () -> Files.exists(log()) && read(log()).contains("committed 250\n"),
                "the checkpoint taken while idle is durable and acknowledged", () -> read(dir.resolve("child.err")));
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the runner stops");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(9, child.exitValue(), () -> read(dir.resolve("child.err")));
        assertEquals(range(1, 250), ids(dir.resolve("out.jsonl")));
        String idle = read(log()).lines().filter(line -> line.startsWith("idle calls ")).findFirst().orElseThrow();
        long calls = Long.parseLong(idle.substring("idle calls ".length()));
        // Pauses double up to 100 ms: about 10 idle calls a second; a busy loop would make millions.
        assertTrue(calls <= 20 + 20 * seconds, () -> idle + " in " + seconds + " s");

        Cli.run(run(250, "--max-records", "1", "--max-duration", "200ms")).assertCode(0)
                .assertErrContains("{\"sinceId\":250,", "stopped at --max-duration 200ms: 0 records");
    }

    @Test
    void limitsAreRefusedForAPartitionedInput() {
        Cli.run("run", "--family", "test", "--name", "ranges", "--store", fileStore(dir.resolve("store")),
                "--output", dir.resolve("ranges.jsonl").toString(), "--max-records", "5").assertCode(2)
                .assertErrContains("--max-records and --max-duration are for a component read as one input; "
                        + "test/ranges is read in splits");
    }

    @Test
    void aMalformedDurationIsACommandLineError() {
        Cli.run(run(10, "--max-duration", "10 minutes")).assertCode(2)
                .assertErrContains("'10 minutes' is not a duration: write a number and a unit, ms, s, m or h");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
