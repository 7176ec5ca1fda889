package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;

/** The configuration of {@link TickerInput}: {@code configuration.*} keys. */
public class TickerConfig {

    @Option
    private int burst = 100;

    @Option
    private String log;

    @Option
    private MarkerCheckpoint checkpoint = new MarkerCheckpoint();

    public int getBurst() {
        return burst;
    }

    public void setBurst(int burst) {
        this.burst = burst;
    }

    public String getLog() {
        return log;
    }

    public void setLog(String log) {
        this.log = log;
    }

    public MarkerCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(MarkerCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
