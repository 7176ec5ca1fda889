package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.flink.fixtures.CommitLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @CheckpointCommitted} is called only after Flink completed a checkpoint that holds the committed checkpoint:
 * the test connector logs each commit, the recording reader each snapshot (and the position it held) and each
 * completed checkpoint, all in one ordered log.
 */
class CheckpointCommittedOnFlinkTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkJobs.cluster();

    private static final int TOTAL = 3000;
    /** What a snapshot taken after the split ended holds: the split's final checkpoint. */
    private static final int FINAL = -1;

    @TempDir
    Path temp;

    @Test
    void eachCommitComesAfterFlinkCompletedACheckpointHoldingIt() throws Exception {
        CommitLog.clear();
        JobHooks.reset();
        StreamExecutionEnvironment env = FlinkJobs.environment(null);
        ConnectorKitSource<jakarta.json.JsonObject> source = ConnectorKitSource.builder("flinktest", "commit-log")
                .configuration(Map.of("configuration.total", String.valueOf(TOTAL), "configuration.batchSize", "50"))
                .build();
        FlinkJobs.pipeline(env, new RecordingSource(source), new JobHooks.Paced(), temp.resolve("out"));
        env.execute("commit-log");

        List<String> events = CommitLog.events();
        int end = events.indexOf("end " + TOTAL);
        assertTrue(end >= 0, "the split ended: " + events);
        String reader = readingSubtask(events);
        Map<Long, Integer> held = new HashMap<>();
        List<Integer> commits = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String[] event = events.get(i).split(" ");
            if (event[0].equals("snapshot") && event[1].equals(reader)) {
                held.put(Long.parseLong(event[2]), i > end ? FINAL : event[3].equals("-") ? null
                        : Integer.parseInt(event[3]));
            } else if (event[0].equals("complete") && event[1].equals(reader) && i > end) {
                // Completed after the split ended, with no snapshot of this reader since: its state is "finished".
                held.putIfAbsent(Long.parseLong(event[2]), FINAL);
            } else if (event[0].equals("commit")) {
                int position = Integer.parseInt(event[1]);
                assertTrue(heldByACompletedCheckpoint(events.subList(0, i), reader, held, position),
                        "commit " + position + " (event " + i + ") before Flink completed a checkpoint holding it: "
                                + events);
                commits.add(position);
            }
        }
        assertTrue(commits.size() > 2, "commits during the run, not only at its end: " + commits);
        assertEquals(TOTAL, commits.get(commits.size() - 1), "the final checkpoint is committed last: " + commits);
        assertEquals(commits.stream().sorted().distinct().toList(), commits, "committed oldest first, each once");
    }

    /** The subtask whose snapshots held the split. */
    private static String readingSubtask(List<String> events) {
        return events.stream().map(event -> event.split(" "))
                .filter(event -> event[0].equals("snapshot") && !event[3].equals("-"))
                .map(event -> event[1]).findFirst().orElseThrow(() -> new AssertionError("no snapshot held the "
                        + "split: " + events));
    }

    private static boolean heldByACompletedCheckpoint(List<String> before, String reader, Map<Long, Integer> held,
            int position) {
        for (String line : before) {
            String[] event = line.split(" ");
            if (event[0].equals("complete") && event[1].equals(reader)) {
                Integer holds = held.get(Long.parseLong(event[2]));
                if (holds != null && (holds == position || holds == FINAL && position == TOTAL)) {
                    return true;
                }
            }
        }
        return false;
    }
}
