package io.connectorkit.store;

/**
 * A checkpoint store could not do what was asked: an I/O or SQL failure, corrupt data with no valid generation
 * left, a job locked by another writer. The message names the store, the job, the file or table, and what went
 * wrong; it never contains a password.
 *
 * <p>API: thrown by every store; store authors throw it, or {@link NoValidCheckpointException} and
 * {@link WriterLostException}, with such a message.
 */
public class CheckpointStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the full message: store, job, location and problem */
    public CheckpointStoreException(String message) {
        super(message);
    }

    /** @param message the full message: store, job, location and problem */
    public CheckpointStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A message of the form {@code "<store>: job '<job>' (<location>): <problem>"}.
     *
     * @param store the store's description, e.g. {@code "file store /var/ck"}
     * @param job the job id, or {@code null} when not about one job
     * @param location the file or table concerned
     * @param problem what went wrong
     */
    static String describe(String store, String job, Object location, String problem) {
        StringBuilder sb = new StringBuilder(store).append(": ");
        if (job != null) {
            sb.append("job '").append(job).append("' ");
        }
        sb.append('(').append(location).append("): ").append(problem);
        return sb.toString();
    }
}
