package io.connectorkit.samples.cdc;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/**
 * Where {@link CdcInput} is in the server's write-ahead log: {@code lsn}, the end of the last transaction it emitted
 * whole (or a later position it passed over while idle), as PostgreSQL writes it ({@code "0/1A2B3C4"}). A resume asks
 * the slot for the transactions committed after it; never a position inside a transaction. Empty before the first
 * run has started. A checkpoint is offered every 1,000 records at the next transaction end, and whenever the
 * position moved while the input is idle.
 */
@Checkpoint(interval = 1000)
public class CdcPosition {

    @Option
    private String lsn = "";

    public String getLsn() {
        return lsn;
    }

    public void setLsn(String lsn) {
        this.lsn = lsn;
    }
}
