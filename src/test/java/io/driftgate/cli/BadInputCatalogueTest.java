package io.driftgate.cli;

import io.driftgate.providers.SharedPostgres;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.CatalogFingerprint;
import io.driftgate.testing.ServerFingerprint;
import io.driftgate.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue: every input a new user or an attacker might give, each with the exit code class the
 * contract promises, the sentence it must say, and the promise that the target database (schema, rows, history) and
 * the server (roles, databases, settings) are unchanged, and that no secret is printed in any form. The cases are
 * in {@link BadInputs}; this class runs them.
 */
class BadInputCatalogueTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyBadInputKeepsThePromises() {
        return BadInputs.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    @TestFactory
    Stream<DynamicTest> theCatalogueIsLargeAndDistinct() {
        return Stream.of(DynamicTest.dynamicTest("at least 60 distinct bad inputs", () -> {
            List<String> names = BadInputs.all().stream().map(BadInputs.Case::name).toList();
            assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(60);
        }));
    }

    private void run(BadInputs.Case c) throws Exception {
        try (ThrowawayDatabase db = TestDatabases.fromSql("bad-input-incident", BadInputs.INCIDENT_SQL)) {
            BadInputs.Context context = new BadInputs.Context(db, temp.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "_")));
            try {
                check(c, db, context);
            } finally {
                context.close();
            }
        }
    }

    private void check(BadInputs.Case c, ThrowawayDatabase db, BadInputs.Context context) throws Exception {
        {
            BadInputs.Invocation invocation = c.arrange().arrange(context);
            ServerFingerprint serverBefore = ServerFingerprint.of(SharedPostgres.server().admin());
            CatalogFingerprint before = CatalogFingerprint.of(db.settings());

            CliRun run = CliRun.of(invocation.args().toArray(String[]::new));
            String printed = run.out() + "\n" + run.err();

            assertThat(run.exit()).as("exit code of %s; printed:%n%s", invocation.args(), printed).isEqualTo(c.exit());
            for (String phrase : invocation.mustSay()) {
                assertThat(printed).as("what %s says", c.name()).containsIgnoringCase(phrase);
            }
            assertThat(printed).as("a stack trace for a user's input").doesNotContain("\tat io.driftgate", "\tat org.");
            for (String secret : context.secrets()) {
                for (String piece : BadInputs.pieces(secret)) {
                    assertThat(printed).as("piece '%s' of a secret printed", piece).doesNotContain(piece);
                }
            }
            if (c.promise() != BadInputs.Promise.DATABASE_MAY_CHANGE) {
                assertThat(CatalogFingerprint.of(db.settings()).differencesFrom(before)).as("changes to the target database").isEmpty();
            }
            assertThat(ServerFingerprint.of(SharedPostgres.server().admin()).differencesFrom(serverBefore))
                    .as("changes to the server (roles, databases, settings)").isEmpty();
            context.afterwards(run);
        }
    }

    static List<String> args(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
