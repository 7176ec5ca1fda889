package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --fail-after N} in a child JVM (it halts the JVM): exit 3, and the rerun completes the job with every record
 * at least once and at most one checkpoint interval read twice.
 */
class CrashResumeTest {

    private static final int TOTAL = 60;
    private static final int BATCH = 10;

    @TempDir
    Path dir;

    private Cli.Result run(Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--family", "checkpoint", "--name", "list-input",
                "--configuration", listInput(dir, TOTAL, BATCH).toString(), "--store", fileStore(dir.resolve("store")),
                "--output", output.toString(), "--quiet"));
        args.addAll(List.of(more));
        return Cli.fork(dir, args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 17, 31, 59})
    void aCrashedJobResumesWithEveryRecordAndDuplicatesWithinOneInterval(int failAfter) {
        Path output = dir.resolve("out.jsonl");

        run(output, "--fail-after", String.valueOf(failAfter)).assertCode(3)
                .assertErrContains("--fail-after " + failAfter);
        run(output).assertCode(0);

        assertEveryRecordWithFewDuplicates(ids(output));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 25})
    void twoCrashesInARowStillLoseNothing(int failAfter) {
        Path output = dir.resolve("out.jsonl");

        run(output, "--fail-after", String.valueOf(failAfter)).assertCode(3);
        run(output, "--fail-after", String.valueOf(failAfter)).assertCode(3);
        run(output).assertCode(0);

        List<Integer> ids = ids(output);
        assertEquals(new TreeSet<>(IntStream.rangeClosed(1, TOTAL).boxed().toList()), new TreeSet<>(ids));
        assertTrue(ids.size() - TOTAL <= 2 * BATCH, () -> "two crashes repeat at most two intervals: " + ids);
    }

    private static void assertEveryRecordWithFewDuplicates(List<Integer> ids) {
        Map<Integer, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        List<Integer> missing = IntStream.rangeClosed(1, TOTAL).filter(id -> !counts.containsKey(id)).boxed().toList();
        assertEquals(List.of(), missing, () -> "missing ids in " + ids);
        assertEquals(List.of(), counts.keySet().stream().filter(id -> id < 1 || id > TOTAL).toList(), "unknown ids");
        long duplicates = ids.size() - TOTAL;
        assertTrue(duplicates <= BATCH, () -> duplicates + " duplicates, more than one interval (" + BATCH + "): "
                + ids);
        assertTrue(Stream.of(counts.values().toArray(Long[]::new)).allMatch(c -> c <= 2), () -> "read 3 times: " + ids);
    }
}
