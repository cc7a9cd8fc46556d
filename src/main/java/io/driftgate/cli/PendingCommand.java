package io.driftgate.cli;

import io.driftgate.failure.DriftgateException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A command of the contract that this build does not have yet: it says so and exits 3. */
abstract class PendingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw DriftgateException.badInput("'" + spec.name() + "' is not built yet in this version of driftgate; "
                + "see README.md for the commands that are");
    }
}
