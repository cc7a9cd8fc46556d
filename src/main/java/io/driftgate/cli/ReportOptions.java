package io.driftgate.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** {@code --format --allow --verbose}. */
final class ReportOptions {

    /** How reports are written. */
    enum Format { text, json, markdown }

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--allow", split = ",", paramLabel = "HAZARD",
            description = "hazards you accept for this run, e.g. --allow TABLE_REWRITE,LONG_LOCK")
    List<String> allow = List.of();

    @Option(names = {"-v", "--verbose"}, description = "stack traces for unexpected errors, more detail in reports")
    boolean verbose;
}
