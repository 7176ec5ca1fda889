package io.connectorkit.runner;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports an unknown option in one line with the closest known one ("unknown option '--familly'; did you mean
 * '--family'?"), instead of the whole usage; other command-line errors go to picocli's own handler.
 *
 * <p>An unknown option is reported first even when picocli found another problem, such as a missing required
 * option: {@code --familly x} is a misspelt {@code --family}, not a missing one.
 */
final class UnknownOptions implements IParameterExceptionHandler {

    private final IParameterExceptionHandler others;

    /** @param others handles every error but an unknown option */
    UnknownOptions(IParameterExceptionHandler others) {
        this.others = others;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) throws Exception {
        CommandLine command = error.getCommandLine();
        String unknown = command.getUnmatchedArguments().stream().filter(arg -> arg.startsWith("-")).findFirst()
                .orElse(null);
        if (unknown == null) {
            return others.handleParseException(error, args);
        }
        PrintWriter err = command.getErr();
        err.println("connectorkit: error: " + message(command, unknown) + " See '"
                + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code "unknown option '--familly'; did you mean '--family'?"}. */
    static String message(CommandLine command, String argument) {
        int equals = argument.indexOf('=');
        String option = equals > 0 ? argument.substring(0, equals) : argument;
        // picocli finds the known options similar enough to be meant; the fewest typing mistakes away is the one.
        return new UnmatchedArgumentException(command, List.of(option)).getSuggestions().stream()
                .min(Comparator.comparingInt(known -> editDistance(option, known)))
                .map(closest -> "unknown option '" + option + "'; did you mean '" + closest + "'?")
                .orElse("unknown option '" + option + "'.");
    }

    /** The Levenshtein distance: characters inserted, deleted or replaced to turn {@code a} into {@code b}. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
