package io.connectorkit.store.sink;

/**
 * A sink could not write or commit; the message names the sink, the table and what went wrong. API: thrown by
 * {@link TransactionalSink}s; a sink author throws it with such a message.
 */
public class SinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the full message: sink, table, problem
     * @param cause the underlying failure, or {@code null}
     */
    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
