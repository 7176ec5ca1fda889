package io.connectorkit.benchmarks.tck.plugin;

import java.io.Serializable;
import org.talend.sdk.component.api.configuration.Option;

/** {@code configuration.total}, {@code configuration.every} and {@code configuration.checkpoint.*}. */
public class TckSmallRecordsConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    @Option
    private long total = 1_000_000;

    @Option
    private long every = 1000;

    @Option
    private TckSmallRecordsCheckpoint checkpoint = new TckSmallRecordsCheckpoint();

    public long getTotal() {
        return total;
    }

    public void setTotal(final long total) {
        this.total = total;
    }

    public long getEvery() {
        return every;
    }

    public void setEvery(final long every) {
        this.every = every;
    }

    public TckSmallRecordsCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(final TckSmallRecordsCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
