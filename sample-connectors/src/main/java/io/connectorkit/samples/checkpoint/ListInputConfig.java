package io.connectorkit.samples.checkpoint;

import io.connectorkit.api.configuration.Credential;
import io.connectorkit.api.configuration.Option;
import java.time.LocalDate;

/** The configuration of {@link ListInput}: {@code configuration.*} keys. */
public class ListInputConfig {

    @Option
    private String user;

    @Option
    @Credential
    private String password;

    @Option
    private int total = 100;

    @Option
    private int batchSize = 10;

    @Option
    private String firstDate = "2024-01-01";

    @Option
    private ListInputCheckpoint checkpoint = new ListInputCheckpoint();

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public String getFirstDate() {
        return firstDate;
    }

    public void setFirstDate(String firstDate) {
        LocalDate.parse(firstDate); // a bad date is a binding problem on configuration.firstDate, not a failed run
        this.firstDate = firstDate;
    }

    public ListInputCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(ListInputCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
