package io.connectorkit.samples.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.testing.ConnectorTest;
import io.connectorkit.testing.ConnectorTester;
import io.connectorkit.testing.SplitSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The range rule on random files, from fixed seeds (each in the test's name, to rerun one): whatever the desired
 * size, the ranges of a file read, one after another in plan order, exactly the rows the whole file reads, in the same
 * order; the whole file reads every row written; and the split check (disjoint, covering, deterministic) holds.
 * Files have LF, CRLF and lone CR line ends, blank lines, quoted fields without line breaks, and a last row with or
 * without a line end. Every fifth seed also resumes each split from each of its checkpoints.
 */
@ConnectorTest
class CsvInputSplitPropertyTest {

    @TempDir
    Path dir;

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 40; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rangesReadExactlyTheRowsOfTheWholeFileInOrder(long seed, ConnectorTester tester) throws IOException {
        Random random = new Random(seed);
        boolean header = random.nextBoolean();
        String content = SplitFiles.random(random, "s" + seed, header);
        Path csv = Files.writeString(dir.resolve("random.csv"), content, StandardCharsets.UTF_8);
        long size = Files.size(csv);
        long desiredSize = 1 + random.nextInt((int) size + 5);
        int batch = 1 + random.nextInt(5);
        Map<String, String> configuration = Map.of("configuration.path", csv.toString(),
                "configuration.header", String.valueOf(header), "configuration.rowsWithoutLineBreaks", "true",
                "configuration.batchSize", String.valueOf(batch));
        String what = "seed " + seed + ", desired size " + desiredSize + ", file " + quoted(content);

        List<Map<String, String>> whole = CsvInputSplitTest.readAll(tester.manager(), configuration);
        int written = content.split("s" + seed + "-", -1).length - 1;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= written; i++) {
            ids.add("s" + seed + "-" + i);
        }
        assertEquals(ids, whole.stream().map(row -> row.values().iterator().next()).toList(), what);

        Mapper mapper = CsvInputSplitTest.mapper(tester.manager(), configuration);
        List<Split> splits = mapper.split(desiredSize);
        List<Map<String, String>> concatenated = new ArrayList<>();
        for (Split split : splits) {
            concatenated.addAll(CsvInputSplitTest.read(mapper.create(split, null)));
        }
        assertEquals(whole, concatenated, what);
        assertEquals(size > desiredSize ? (size + desiredSize - 1) / desiredSize : 1, splits.size(), what);

        SplitSummary summary = tester.splitCheck("file", "csv-input", configuration).desiredSize(desiredSize)
                .verify();
        assertEquals(written, summary.records(), what);
        if (seed % 5 == 0) {
            tester.splitCheck("file", "csv-input", configuration).desiredSize(desiredSize)
                    .verifyResumeOfEachSplit(split -> split.duplicateBound(batch));
        }
    }

    private static String quoted(String content) {
        return "\"" + content.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
