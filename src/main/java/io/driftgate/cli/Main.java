package io.driftgate.cli;

import io.driftgate.failure.Activity;
import picocli.CommandLine;

import java.io.PrintWriter;

/** {@code java -jar driftgate.jar COMMAND}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; tests call this instead of starting a JVM. */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DriftgateCommand());
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler(new FailureHandler.BadArguments());
        return cli;
    }

    /**
     * Picocli hands exceptions to {@link FailureHandler}, but a JVM {@link Error} (out of memory, stack overflow) passes
     * through it; uncaught, the JVM would print a raw trace and exit 1, which a CI gate reads as "drift found".
     */
    static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (Error e) {
            PrintWriter err = cli.getErr();
            err.println("driftgate: " + JvmErrors.sentence(e, Activity.current()));
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.DATABASE;
        }
    }
}
