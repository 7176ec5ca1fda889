package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/** Where a {@link RangesReader} is: the next number to emit. A checkpoint every {@value #INTERVAL} records. */
@Checkpoint(interval = RangesPosition.INTERVAL)
public class RangesPosition {

    /** Records between two checkpoints. */
    public static final int INTERVAL = 10;

    /** The next number, or -1 before the first. */
    @Option
    private int next = -1;

    public int getNext() {
        return next;
    }

    public void setNext(int next) {
        this.next = next;
    }
}
