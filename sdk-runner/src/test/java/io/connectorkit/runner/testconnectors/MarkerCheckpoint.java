package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/** The position of {@link MarkerInput}: a checkpoint every {@value #INTERVAL} records. */
@Checkpoint(interval = MarkerCheckpoint.INTERVAL)
public class MarkerCheckpoint {

    /** Records between two checkpoints. */
    public static final int INTERVAL = 100;

    @Option
    private int sinceId;

    public int getSinceId() {
        return sinceId;
    }

    public void setSinceId(int sinceId) {
        this.sinceId = sinceId;
    }
}
