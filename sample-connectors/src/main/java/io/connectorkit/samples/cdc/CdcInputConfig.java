package io.connectorkit.samples.cdc;

import io.connectorkit.api.configuration.Credential;
import io.connectorkit.api.configuration.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration of {@link CdcInput}: {@code configuration.*} keys.
 *
 * <p>{@code tables} are written as in SQL ({@code orders}, {@code sales.orders}, a quoted name), trusted like the rest
 * of the operator's configuration.
 */
public class CdcInputConfig {

    /** The database, {@code jdbc:postgresql://host:5432/db}; its user needs the REPLICATION attribute. */
    @Option(required = true)
    private String url;

    @Option
    private String user;

    @Option
    @Credential
    private String password;

    /** The logical replication slot read; created (plugin {@code pgoutput}) at the job's first run when missing. */
    @Option(required = true)
    private String slot;

    /** The publication that says which tables' changes are sent; created from {@code tables} when missing. */
    @Option(required = true)
    private String publication;

    /** The tables of a publication the input creates; when it exists, each must be in it. */
    @Option
    private List<String> tables = new ArrayList<>();

    /** How often, in milliseconds, the input reports its position to the server while streaming. */
    @Option
    private int statusIntervalMs = 10_000;

    /** How long, in milliseconds, to wait for a slot still held by a reader that is going away (a killed run). */
    @Option
    private long activeSlotWaitMs = 30_000;

    @Option
    private CdcPosition position = new CdcPosition();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

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

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getPublication() {
        return publication;
    }

    public void setPublication(String publication) {
        this.publication = publication;
    }

    public List<String> getTables() {
        return tables;
    }

    public void setTables(List<String> tables) {
        this.tables = tables;
    }

    public int getStatusIntervalMs() {
        return statusIntervalMs;
    }

    public void setStatusIntervalMs(int statusIntervalMs) {
        this.statusIntervalMs = statusIntervalMs;
    }

    public long getActiveSlotWaitMs() {
        return activeSlotWaitMs;
    }

    public void setActiveSlotWaitMs(long activeSlotWaitMs) {
        this.activeSlotWaitMs = activeSlotWaitMs;
    }

    public CdcPosition getPosition() {
        return position;
    }

    public void setPosition(CdcPosition position) {
        this.position = position;
    }
}
