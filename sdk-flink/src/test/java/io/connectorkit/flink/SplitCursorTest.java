package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.flink.SplitCursor.Progress;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.UnsupportedVersionException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once rule, one read call at a time: only records a safe point covers leave the cursor. */
class SplitCursorTest {

    private final List<JsonObject> emitted = new ArrayList<>();
    private final SourceOutput<JsonObject> output = new SourceOutput<>() {
        @Override
        public void collect(JsonObject record) {
            emitted.add(record);
        }

        @Override
        public void collect(JsonObject record, long timestamp) {
            emitted.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    };
    private ComponentManager manager;
    @TempDir
    Path temp;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    private SplitCursor<JsonObject> listInput(int total, int batchSize, int maxHeld) {
        SourceSettings settings = new SourceSettings("checkpoint", "list-input", 1, new TreeMap<>(Map.of(
                "configuration.total", String.valueOf(total), "configuration.batchSize", String.valueOf(batchSize))),
                0, maxHeld);
        manager = settings.openManager(getClass().getClassLoader());
        Mapper mapper = settings.mapper(manager);
        ConnectorKitSplit split = new ConnectorKitSplit(mapper.split(Long.MAX_VALUE).get(0), null);
        return SplitCursor.open(mapper, split, JsonObjectTypeInfo::asJsonObject, maxHeld);
    }

    @Test
    void recordsAfterTheLastSafePointAreHeldUntilTheNextAndTheSnapshotCoversExactlyThoseEmitted() {
        SplitCursor<JsonObject> cursor = listInput(1000, 300, 1000);

        assertEquals(Progress.MORE, cursor.read(output));
        assertEquals(Progress.MORE, cursor.read(output));
        assertEquals(0, emitted.size(), "256 records read, none covered by a checkpoint yet");
        assertNull(cursor.snapshot().checkpoint(), "the snapshot still starts the split from its start");
        assertNull(cursor.committable());

        assertEquals(Progress.MORE, cursor.read(output));
        assertEquals(300, emitted.size(), "the safe point after record 300 lets the records it covers go");
        assertEquals(300, emitted.get(299).getInt("id"));
        assertEquals(300, cursor.snapshot().checkpoint().state().getInt("sinceId"));
        assertEquals(cursor.snapshot().checkpoint(), cursor.committable());
        cursor.close();
    }

    @Test
    void theEndOfTheSplitEmitsTheRestAndGivesItsFinalCheckpoint() {
        SplitCursor<JsonObject> cursor = listInput(10, 4, 100);

        int calls = 0;
        while (cursor.read(output) != Progress.ENDED) {
            calls++;
        }

        assertEquals(2, calls, "a safe point after 4 and after 8");
        assertEquals(10, emitted.size());
        assertEquals(10, cursor.finalCheckpoint().state().getInt("sinceId"));
        assertEquals(8, cursor.snapshot().checkpoint().state().getInt("sinceId"),
                "the reader drops a finished split from its state; its last snapshot was at 8");
    }

    @Test
    void tooManyRecordsWithoutASafePointFailNamingTheComponentTheSplitAndTheSetting() {
        SplitCursor<JsonObject> cursor = listInput(1000, 500, 200);

        assertEquals(Progress.MORE, cursor.read(output));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> cursor.read(output));

        assertTrue(error.getMessage().startsWith("checkpoint/list-input, split '" + cursor.splitId() + "': 200 records "
                + "read without a safe point (@CheckpointAvailable)"), error.getMessage());
        assertTrue(error.getMessage().contains("raise maxBufferedRecords"), error.getMessage());
        assertFalse(emitted.size() > 0, "nothing uncovered was emitted");
        cursor.close();
    }

    @Test
    void aCheckpointNewerThanTheConnectorFailsNamingTheSplitAndTheCheckpoint() {
        SourceSettings settings = new SourceSettings("checkpoint", "list-input", 1, new TreeMap<>(), 0, 10);
        manager = settings.openManager(getClass().getClassLoader());
        Mapper mapper = settings.mapper(manager);
        CheckpointState newer = new CheckpointState(3, Json.createObjectBuilder().add("sinceId", 5).build());
        ConnectorKitSplit split = new ConnectorKitSplit(mapper.split(Long.MAX_VALUE).get(0), newer);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> SplitCursor.open(mapper, split, JsonObjectTypeInfo::asJsonObject, 10));

        assertTrue(error.getMessage().startsWith("checkpoint/list-input, split '" + split.splitId() + "': cannot "
                + "resume from {\"$checkpoint\":{\"sinceId\":5,\"__version\":3}}: "), error.getMessage());
        assertTrue(error.getCause() instanceof UnsupportedVersionException, String.valueOf(error.getCause()));
    }

    @Test
    void anIdleInfiniteInputHoldsAnUnfinishedGroupAndEmitsItAtItsSafePoint() throws IOException {
        SplitCursor<JsonObject> cursor = tail(100);

        assertEquals(Progress.IDLE, cursor.read(output), "nothing in the file yet");
        append("1+\n2+\n");
        assertEquals(Progress.MORE, cursor.read(output), "two records read, then nothing");
        assertEquals(List.of(), numbers(), "the group is not over: no safe point covers them");
        assertEquals(0L, offset(cursor));
        assertEquals(Progress.IDLE, cursor.read(output));
        assertEquals(List.of(), numbers());

        append("3\n");
        assertEquals(Progress.MORE, cursor.read(output));
        assertEquals(List.of(1, 2, 3), numbers());
        assertEquals(8L, offset(cursor), "\"1+\\n2+\\n3\\n\" consumed");
        cursor.close();
    }

    @Test
    void anIdleInfiniteInputWhosePositionMovedGivesItsNewCheckpoint() throws IOException {
        SplitCursor<JsonObject> cursor = tail(100);
        append("1\n");
        assertEquals(Progress.MORE, cursor.read(output));
        CheckpointState afterOne = cursor.snapshot().checkpoint();
        assertEquals(2L, afterOne.state().getJsonNumber("offset").longValue());

        append("# keepalive\n");
        assertEquals(Progress.IDLE, cursor.read(output));
        assertEquals(14L, offset(cursor), "the keepalive moved the position while no record came");
        assertEquals(cursor.snapshot().checkpoint(), cursor.committable(), "a checkpoint the input handed out");

        CheckpointState moved = cursor.snapshot().checkpoint();
        assertEquals(Progress.IDLE, cursor.read(output));
        assertSame(moved, cursor.snapshot().checkpoint(), "idle again, nothing moved: no new checkpoint");
        assertEquals(List.of(1), numbers());
        cursor.close();
    }

    private SplitCursor<JsonObject> tail(int maxHeld) throws IOException {
        Path file = Files.createFile(temp.resolve("feed.txt"));
        SourceSettings settings = new SourceSettings("flinktest", "tail", 1,
                new TreeMap<>(Map.of("configuration.path", file.toString())), 0, maxHeld);
        manager = settings.openManager(getClass().getClassLoader());
        Mapper mapper = settings.mapper(manager);
        ConnectorKitSplit split = new ConnectorKitSplit(mapper.split(Long.MAX_VALUE).get(0), null);
        return SplitCursor.open(mapper, split, JsonObjectTypeInfo::asJsonObject, maxHeld);
    }

    private void append(String lines) throws IOException {
        Files.writeString(temp.resolve("feed.txt"), lines, StandardOpenOption.APPEND);
    }

    private List<Integer> numbers() {
        return emitted.stream().map(record -> record.getInt("n")).toList();
    }

    private static long offset(SplitCursor<JsonObject> cursor) {
        CheckpointState checkpoint = cursor.snapshot().checkpoint();
        return checkpoint == null ? 0 : checkpoint.state().getJsonNumber("offset").longValue();
    }
}
