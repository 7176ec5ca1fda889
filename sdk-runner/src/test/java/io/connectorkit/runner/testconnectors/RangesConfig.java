package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;

/** The configuration of {@link RangesMapper}: {@code configuration.*} keys. */
public class RangesConfig {

    /** The first number of this configuration's range. */
    @Option
    private int from;

    /** The end of the range (excluded). */
    @Option
    private int to = 1000;

    /** Into how many ranges {@code @Split} cuts it, whatever the desired size. */
    @Option
    private int splits = 4;

    /** The {@code from} of the split that fails, or -1. */
    @Option
    private int failingSplit = -1;

    /** After how many records of a run the failing split fails. */
    @Option
    private int failAfter = 5;

    /** Microseconds each record takes, to let a test act while the job reads. */
    @Option
    private int pauseMicros;

    @Option
    private RangesPosition position = new RangesPosition();

    public int getFrom() {
        return from;
    }

    public void setFrom(int from) {
        this.from = from;
    }

    public int getTo() {
        return to;
    }

    public void setTo(int to) {
        this.to = to;
    }

    public int getSplits() {
        return splits;
    }

    public void setSplits(int splits) {
        this.splits = splits;
    }

    public int getFailingSplit() {
        return failingSplit;
    }

    public void setFailingSplit(int failingSplit) {
        this.failingSplit = failingSplit;
    }

    public int getFailAfter() {
        return failAfter;
    }

    public void setFailAfter(int failAfter) {
        this.failAfter = failAfter;
    }

    public int getPauseMicros() {
        return pauseMicros;
    }

    public void setPauseMicros(int pauseMicros) {
        this.pauseMicros = pauseMicros;
    }

    public RangesPosition getPosition() {
        return position;
    }

    public void setPosition(RangesPosition position) {
        this.position = position;
    }
}
