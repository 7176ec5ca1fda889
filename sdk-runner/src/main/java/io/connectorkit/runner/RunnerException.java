package io.connectorkit.runner;

/** A failure the runner reports as one clear line and an exit code. */
final class RunnerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    RunnerException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    RunnerException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
