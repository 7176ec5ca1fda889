/**
 * An application, not an API: the {@code connectorkit} command line ({@code run}, {@code checkpoint},
 * {@code components}, {@code describe}). Its one public type is {@link io.connectorkit.runner.Main}: {@code main},
 * and {@code execute} for tests and for running the command line inside another program. Everything else (the
 * commands, the job runner, the outputs, the option handling) is internal and may change with any release; the
 * command line itself, its options and exit codes, is what users depend on.
 */
package io.connectorkit.runner;
