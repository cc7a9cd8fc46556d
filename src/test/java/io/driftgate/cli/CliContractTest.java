package io.driftgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract in BRIEF.md, in process (the packaged jar is exercised by DriftgateJarIT). */
class CliContractTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsEveryCommandOfTheContractAndTheExitCodes() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("check", "plan", "repair", "migrate", "snapshot", "reproduce", "scenarios", "doctor");
        assertThat(r.out()).contains("Exit codes", "drift found", "refused", "bad input", "database error");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRun r = run("doctor", "--no-such-option");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void noCommandPrintsUsageAndExits3() {
        assertThat(run().exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help"})
    void everyCommandHasHelp(String flag) {
        for (String command : new String[] {"check", "plan", "repair", "migrate", "snapshot", "reproduce", "scenarios", "doctor"}) {
            CliRun r = run(command, flag);
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: driftgate " + command);
        }
    }
}
