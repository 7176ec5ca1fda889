package io.connectorkit.benchmarks.tck.plugin;

import java.io.Serializable;
import org.talend.sdk.component.api.configuration.Option;
import org.talend.sdk.component.api.input.Emitter;
import org.talend.sdk.component.api.input.Producer;
import org.talend.sdk.component.api.input.checkpoint.CheckpointAvailable;
import org.talend.sdk.component.api.input.checkpoint.CheckpointData;

/** The same emitter as {@code SmallRecords}, for TCK: a checkpoint is ready every {@code every} records. */
@Emitter(family = "bench", name = "small-records")
public class TckSmallRecords implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TckSmallRecordsConfig configuration;
    private long next;

    public TckSmallRecords(@Option("configuration") final TckSmallRecordsConfig configuration) {
        this.configuration = configuration;
        this.next = configuration.getCheckpoint().getSinceId() + 1;
    }

    @Producer
    public String next() {
        if (next > configuration.getTotal()) {
            return null;
        }
        long id = next++;
        configuration.getCheckpoint().setSinceId(id);
        return "{\"id\":" + id + ",\"name\":\"row-" + id + "\"}";
    }

    @CheckpointData
    public TckSmallRecordsCheckpoint checkpoint() {
        return configuration.getCheckpoint();
    }

    @CheckpointAvailable
    public boolean checkpointReady() {
        return configuration.getCheckpoint().getSinceId() % configuration.getEvery() == 0;
    }
}
