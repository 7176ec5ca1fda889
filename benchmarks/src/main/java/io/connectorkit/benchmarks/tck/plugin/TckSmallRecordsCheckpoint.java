package io.connectorkit.benchmarks.tck.plugin;

import java.io.Serializable;
import org.talend.sdk.component.api.component.Version;
import org.talend.sdk.component.api.configuration.Option;
import org.talend.sdk.component.api.input.checkpoint.Checkpoint;

/** The last id emitted. */
@Checkpoint
@Version(1)
public class TckSmallRecordsCheckpoint implements Serializable {

    private static final long serialVersionUID = 1L;

    @Option
    private long sinceId;

    public long getSinceId() {
        return sinceId;
    }

    public void setSinceId(final long sinceId) {
        this.sinceId = sinceId;
    }
}
