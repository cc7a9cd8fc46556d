package io.driftgate.cli;

import picocli.CommandLine;

/** {@code java -jar driftgate.jar COMMAND}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; tests call this instead of starting a JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DriftgateCommand());
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler(new FailureHandler.BadArguments());
        return cli;
    }
}
