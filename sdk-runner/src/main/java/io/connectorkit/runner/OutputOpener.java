package io.connectorkit.runner;

import jakarta.json.JsonObject;
import java.util.function.Consumer;

/** Opens the output of one attempt of one input: the job's only input, or one split of a partitioned job. */
@FunctionalInterface
interface OutputOpener {

    /**
     * @param partition where the output saves the input's checkpoints: {@link JobPartitions#SINGLE} or a split id
     * @param durable told of each checkpoint once it is durable (with the records it covers), on any thread
     */
    JobOutput open(String partition, Consumer<JsonObject> durable);
}
