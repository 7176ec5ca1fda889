package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.SplitPlan;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan made once, its splits handed out one per request, splits given back first in line. */
class ConnectorKitEnumeratorTest {

    @TempDir
    Path temp;

    private final MockSplitEnumeratorContext<ConnectorKitSplit> context = new MockSplitEnumeratorContext<>(2);
    private ConnectorKitSource<?> source;

    @BeforeEach
    void threeFiles() throws Exception {
        for (int f = 0; f < 3; f++) {
            Files.writeString(temp.resolve("f" + f + ".csv"), "a,b\n1," + f + "\n");
        }
        source = ConnectorKitSource.builder("file", "csv-input")
                .configuration(Map.of("configuration.path", temp.resolve("f*.csv").toString())).build();
        context.registerReader(new ReaderInfo(0, "localhost"));
        context.registerReader(new ReaderInfo(1, "localhost"));
    }

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private List<String> assigned() {
        return context.getSplitsAssignmentSequence().stream().map(SplitsAssignment::assignment)
                .flatMap(assignment -> assignment.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue().get(0).splitId().substring(0, 2)))
                .toList();
    }

    @Test
    void eachRequestGetsTheNextSplitOfThePlanThenNoMoreSplits() throws Exception {
        SplitEnumerator<ConnectorKitSplit, EnumeratorState> enumerator = source.createEnumerator(context);

        enumerator.handleSplitRequest(1, "localhost");
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(1, "localhost");
        enumerator.handleSplitRequest(0, "localhost");

        assertEquals(List.of("1:f0", "0:f1", "1:f2"), assigned());
        assertTrue(context.hasNoMoreSplits(0));
        assertFalse(context.hasNoMoreSplits(1));
        assertEquals(List.of(), enumerator.snapshotState(1).unassigned());
    }

    @Test
    void splitsGivenBackByAFailedReaderComeFirstWithTheirCheckpoints() throws Exception {
        SplitEnumerator<ConnectorKitSplit, EnumeratorState> enumerator = source.createEnumerator(context);
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(1, "localhost");
        ConnectorKitSplit given = context.getSplitsAssignmentSequence().get(1).assignment().get(1).get(0);
        CheckpointState at = new CheckpointState(2, Json.createObjectBuilder().add("offset", 4).build());

        enumerator.addSplitsBack(List.of(given.resumingFrom(at)), 1);
        EnumeratorState state = enumerator.snapshotState(2);

        assertEquals(List.of("f1", "f2"), state.unassigned().stream().map(s -> s.splitId().substring(0, 2)).toList());
        assertEquals(at, state.unassigned().get(0).checkpoint());
        assertEquals(3, state.plan().splits().size(), "the plan keeps every split");
        enumerator.handleSplitRequest(0, "localhost");
        assertEquals(at, context.getSplitsAssignmentSequence().get(2).assignment().get(0).get(0).checkpoint());
    }

    @Test
    void aRestoredEnumeratorHandsOutWhatItsStateHadWithoutSplittingAgain() throws Exception {
        EnumeratorState saved = source.createEnumerator(context).snapshotState(1);
        Files.writeString(temp.resolve("f3.csv"), "a,b\n1,3\n"); // a new file: splitting again would see it
        SplitPlan plan = saved.plan();

        SplitEnumerator<ConnectorKitSplit, EnumeratorState> restored = source.restoreEnumerator(context,
                new EnumeratorState(plan, saved.unassigned().subList(1, 3)));
        restored.handleSplitRequest(0, "localhost");
        restored.handleSplitRequest(0, "localhost");
        restored.handleSplitRequest(0, "localhost");

        assertEquals(List.of("0:f1", "0:f2"), assigned());
        assertTrue(context.hasNoMoreSplits(0));
    }
}
