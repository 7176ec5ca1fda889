package io.connectorkit.store.sink;

/** A sink could not write or commit; the message names the sink, the table and what went wrong. */
public class SinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
