package io.driftgate.cli;

import picocli.CommandLine;

import java.io.StringWriter;

/** Runs a driftgate command in process, as {@code Main} would (output redacted the same way), and keeps what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(out, err);
        int exit = Main.execute(cli, args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
