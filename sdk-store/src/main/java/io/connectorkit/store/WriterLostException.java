package io.connectorkit.store;

/**
 * A store finds that it no longer holds the writer claim of a job it held: its lock file was deleted or replaced, or
 * another writer took its claim over. It saves nothing more for that job, and every later write of the job throws
 * this again: whoever writes now, the checkpoints already saved stay as they are. The message names the store, the
 * job, the lock file or table, and who holds the job now when that is known.
 *
 * <p>API: thrown by stores that lock jobs, and told to their {@link CheckpointStore#onWriterLost} listeners; store
 * authors throw it in that case.
 */
public class WriterLostException extends CheckpointStoreException {

    private static final long serialVersionUID = 1L;

    private final String job;

    /**
     * @param job the job whose claim was lost
     * @param message the full message: store, job, lock, what was found
     */
    public WriterLostException(String job, String message) {
        super(message);
        this.job = job;
    }

    /** The job whose writer claim was lost. */
    public String job() {
        return job;
    }
}
