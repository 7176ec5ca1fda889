package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;

/** The configuration of {@link MarkerInput}: {@code configuration.*} keys. */
public class MarkerConfig {

    @Option
    private int total = 100;

    @Option
    private int markAt = 1;

    @Option
    private String gate;

    @Option
    private String marker;

    @Option
    private MarkerCheckpoint checkpoint = new MarkerCheckpoint();

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getMarkAt() {
        return markAt;
    }

    public void setMarkAt(int markAt) {
        this.markAt = markAt;
    }

    public String getGate() {
        return gate;
    }

    public void setGate(String gate) {
        this.gate = gate;
    }

    public String getMarker() {
        return marker;
    }

    public void setMarker(String marker) {
        this.marker = marker;
    }

    public MarkerCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(MarkerCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
