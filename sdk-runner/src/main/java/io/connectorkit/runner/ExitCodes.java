package io.connectorkit.runner;

/** The runner's exit codes; listed in {@code --help}. */
final class ExitCodes {

    static final int OK = 0;
    static final int CONNECTOR_FAILED = 1;
    static final int USAGE = 2;
    static final int SIMULATED_CRASH = 3;
    static final int UNKNOWN_COMPONENT = 4;
    static final int BAD_CONFIGURATION = 5;
    static final int STORE_FAILED = 6;
    static final int NEWER_CHECKPOINT = 7;
    static final int OUTPUT_FAILED = 8;
    /** SIGTERM or SIGINT stopped the job after its final checkpoint was saved. */
    static final int STOPPED = 9;
    static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
