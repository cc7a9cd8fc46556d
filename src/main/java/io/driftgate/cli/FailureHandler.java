package io.driftgate.cli;

import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.DriftgateException;
import io.driftgate.providers.ProviderException;
import io.driftgate.providers.ProviderSettingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.sql.SQLException;

/**
 * The one place exceptions become exit codes. A user's mistake prints a sentence; our own bug prints
 * a sentence and, behind {@code --verbose}, the stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
        int code;
        String message;
        if (e instanceof DriftgateException d) {
            code = ExitCodes.of(d.failure());
            message = d.getMessage();
        } else if (e instanceof DatabaseUrl.InvalidUrlException) {
            code = ExitCodes.BAD_INPUT;
            message = e.getMessage();
        } else if (e instanceof ProviderSettingException) {
            code = ExitCodes.BAD_INPUT;
            message = e.getMessage();
        } else if (e instanceof ProviderException) {
            code = ExitCodes.DATABASE;
            message = e.getMessage();
        } else if (e instanceof SQLException sql) {
            code = ExitCodes.DATABASE;
            message = "database error (SQLSTATE " + sql.getSQLState() + "): " + sql.getMessage();
        } else {
            code = ExitCodes.DATABASE;
            message = "driftgate failed unexpectedly: " + e + ". This is a bug in driftgate; rerun with --verbose and report it.";
        }
        err.println(cmd.getColorScheme().errorText("driftgate: " + message));
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof DriftgateException || e instanceof DatabaseUrl.InvalidUrlException || e instanceof ProviderSettingException)) {
            err.println("(rerun with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    /** Unknown options, missing values: exit 3 with the usage of the command that was meant. */
    static final class BadArguments implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText("driftgate: " + e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
