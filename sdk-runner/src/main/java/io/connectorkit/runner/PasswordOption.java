package io.connectorkit.runner;

import picocli.CommandLine.Option;

/**
 * {@code --password-env VAR}: the password of a {@code jdbc:} store or sink, read from an environment variable. A
 * password inside the URL is on the command line, which {@code ps} shows to every user of the host; a process's
 * environment is readable by its own user (and root) only.
 */
final class PasswordOption {

    @Option(names = "--password-env", paramLabel = "VAR", description = "read the password of the jdbc: store or "
            + "sink from the environment variable VAR instead of the URL, where ps would show it to every user of "
            + "the host")
    String variable;

    /**
     * The password, or {@code null} when the option is not given.
     *
     * @throws RunnerException ({@link ExitCodes#USAGE}) naming the variable when it is not set or empty
     */
    String password() {
        if (variable == null) {
            return null;
        }
        String password = System.getenv(variable);
        if (password == null || password.isEmpty()) {
            throw new RunnerException(ExitCodes.USAGE, "--password-env " + variable + ": the environment variable "
                    + variable + " is not set, or empty");
        }
        return password;
    }
}
