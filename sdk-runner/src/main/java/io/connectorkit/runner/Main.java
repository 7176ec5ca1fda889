package io.connectorkit.runner;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.Release;
import io.connectorkit.runtime.ComponentIndexException;
import io.connectorkit.store.sink.SinkException;
import io.connectorkit.store.CheckpointStoreException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The subcommands, by name, in the order the usage lists them. Added by {@link #commandLine}, not by the
     * {@code @Command} annotation, so that a command line naming one builds the model of that one only: picocli reads
     * every option of every subcommand it is given, which was a third of a {@code run}'s start.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("run", RunCommand.class);
        subcommands.put("checkpoint", CheckpointCommand.class);
        subcommands.put("components", ComponentsCommand.class);
        subcommands.put("describe", DescribeCommand.class);
        return subcommands;
    }

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
        return commandLine(stop, args).execute(args);
    }

    /**
     * The command line for {@code args}: with the one subcommand {@code args} starts with, or with all of them when it
     * starts with none ({@code --help}, a misspelt subcommand: the usage lists them all, the error suggests one).
     */
    static CommandLine commandLine(StopRequest stop, String... args) {
        CommandLine commandLine = new CommandLine(new Main(), new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == RunCommand.class ? type.cast(new RunCommand(stop))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        for (Class<?> subcommand : named != null ? List.of(named) : SUBCOMMANDS.values()) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> report(error, line.getErr()));
        commandLine.setParameterExceptionHandler(new UnknownOptions(commandLine.getParameterExceptionHandler()));
        return commandLine;
    }

    /** The exit code of a command that failed with {@code error}; {@link ExitCodes#INTERNAL_ERROR} for a bug. */
    static int exitCodeOf(Exception error) {
        if (error instanceof RunnerException runner) {
            return runner.exitCode();
        } else if (error instanceof CheckpointStoreException) {
            return ExitCodes.STORE_FAILED;
        } else if (error instanceof ComponentIndexException) {
            return ExitCodes.UNKNOWN_COMPONENT; // declared twice, or its index is of another release: both named
        } else if (error instanceof SinkException) {
            return ExitCodes.OUTPUT_FAILED; // a field the table lacks, a failed commit: named in the message
        } else if (error instanceof IllegalArgumentException) {
            return ExitCodes.USAGE; // a bad job id, generation or value, already described by its message
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static int report(Exception error, PrintWriter err) {
        int code = exitCodeOf(error);
        if (code == ExitCodes.INTERNAL_ERROR) {
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
