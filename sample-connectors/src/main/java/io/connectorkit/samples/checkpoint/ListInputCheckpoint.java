package io.connectorkit.samples.checkpoint;

import io.connectorkit.api.component.Version;
import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/**
 * Both the checkpoint configuration ({@code strategy}) and the state ({@code sinceId}, {@code startDate}) of
 * {@link ListInput}. Version 2 renamed {@code lastId} to {@code sinceId}; {@link ListInputMigration} reads
 * version 1 checkpoints.
 */
@Checkpoint
@Version(value = 2, migrationHandler = ListInputMigration.class)
public class ListInputCheckpoint {

    /** What a resume starts after. */
    public enum Strategy {
        /** After the last id emitted. */
        BY_ID,
        /** After the date of the last record emitted. */
        BY_DATE
    }

    @Option
    private Strategy strategy = Strategy.BY_ID;

    @Option
    private String startDate;

    @Option
    private int sinceId;

    public Strategy getStrategy() {
        return strategy;
    }

    public void setStrategy(Strategy strategy) {
        this.strategy = strategy;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public int getSinceId() {
        return sinceId;
    }

    public void setSinceId(int sinceId) {
        this.sinceId = sinceId;
    }
}
