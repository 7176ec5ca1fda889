package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;

/** The configuration of {@link FailOnceInput}: {@code configuration.*} keys. */
public class FailOnceConfig {

    @Option
    private int total = 20;

    @Option
    private int failAt = 12;

    @Option
    private boolean failAlways;

    @Option
    private String marker;

    @Option
    private FailOnceCheckpoint checkpoint = new FailOnceCheckpoint();

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getFailAt() {
        return failAt;
    }

    public void setFailAt(int failAt) {
        this.failAt = failAt;
    }

    public boolean isFailAlways() {
        return failAlways;
    }

    public void setFailAlways(boolean failAlways) {
        this.failAlways = failAlways;
    }

    public String getMarker() {
        return marker;
    }

    public void setMarker(String marker) {
        this.marker = marker;
    }

    public FailOnceCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(FailOnceCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
