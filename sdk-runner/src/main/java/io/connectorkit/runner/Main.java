package io.connectorkit.runner;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.Release;
import io.connectorkit.runtime.ComponentIndexException;
import io.connectorkit.store.sink.SinkException;
import io.connectorkit.store.CheckpointStoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The {@code connectorkit} command line: {@code run} a connector with durable checkpoints, {@code checkpoint}
 * commands to operate a stopped job's checkpoints, and {@code components} and {@code describe} to find components
 * and their options.
 */
@Command(name = "connectorkit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs resumable connectors and operates their checkpoints.",
        subcommands = {RunCommand.class, CheckpointCommand.class, ComponentsCommand.class, DescribeCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success",
            "1:the connector failed (after --retries)",
            "2:bad command line",
            "3:--fail-after simulated a crash",
            "4:no such component (the known ones are listed), or one declared by two jars or built by another release",
            "5:bad configuration file or values; a checkpoint reset --set the component does not accept",
            "6:checkpoint store cannot be opened, is locked, holds no valid checkpoint, lost the job's checkpoints "
                    + "(run --start-over), or run lost the job's writer lock to another runner",
            "7:the saved checkpoint was written by a newer version of the component",
            "8:the output cannot be written, or another runner is writing it",
            "9:run was stopped by SIGTERM or SIGINT after saving its final checkpoint",
            "130/143:a second SIGINT/SIGTERM, or --stop-grace-ms passed: exited without the final checkpoint",
            "70:internal error"})
public final class Main {

    /** {@code --version}: the release this runner was built from, and the index format its runtime reads. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Connector Kit runner " + Release.CURRENT + " (reads component index format "
                    + ComponentIndex.FORMAT + ")"};
        }
    }

    private Main() {
    }

    /** Runs the command line and exits with its code; SIGTERM and SIGINT stop a running job cleanly. */
    public static void main(String[] args) {
        StopRequest stop = new StopRequest();
        SignalRouting.routeTo(stop);
        System.exit(execute(stop, args));
    }

    /** Runs the command line and returns its exit code; for tests and embedding (signals are left alone). */
    public static int execute(String... args) {
        return execute(new StopRequest(), args);
    }

    private static int execute(StopRequest stop, String... args) {
        CommandLine commandLine = new CommandLine(new Main(), new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == RunCommand.class ? type.cast(new RunCommand(stop))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> report(error, line.getErr()));
        commandLine.setParameterExceptionHandler(new UnknownOptions(commandLine.getParameterExceptionHandler()));
        return commandLine.execute(args);
    }

    private static int report(Exception error, PrintWriter err) {
        int code;
        if (error instanceof RunnerException runner) {
            code = runner.exitCode();
        } else if (error instanceof CheckpointStoreException) {
            code = ExitCodes.STORE_FAILED;
        } else if (error instanceof ComponentIndexException) {
            code = ExitCodes.UNKNOWN_COMPONENT; // declared twice, or its index is of another release: both named
        } else if (error instanceof SinkException) {
            code = ExitCodes.OUTPUT_FAILED; // a field the table lacks, a failed commit: named in the message
        } else if (error instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE; // a bad job id, generation or value, already described by its message
        } else {
            err.println("connectorkit: internal error");
            error.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println("connectorkit: error: " + error.getMessage());
        err.flush();
        return code;
    }
}
