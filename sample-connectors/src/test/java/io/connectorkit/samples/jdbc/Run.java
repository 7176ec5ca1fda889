package io.connectorkit.samples.jdbc;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What one run of an input to the end gave: its records and every checkpoint, the final one last. */
final class Run {

    final List<JsonObject> records;
    final List<CheckpointState> checkpoints;

    private Run(List<JsonObject> records, List<CheckpointState> checkpoints) {
        this.records = records;
        this.checkpoints = checkpoints;
    }

    /** Starts {@code input} with a checkpoint callback, reads it to the end and stops it. */
    static Run read(Input input) {
        List<CheckpointState> checkpoints = new ArrayList<>();
        List<JsonObject> records = new ArrayList<>();
        input.start(checkpoints::add);
        for (Object record = input.next(); record != null; record = input.next()) {
            records.add((JsonObject) record);
        }
        input.stop();
        return new Run(records, checkpoints);
    }

    CheckpointState lastCheckpoint() {
        return checkpoints.get(checkpoints.size() - 1);
    }
}
