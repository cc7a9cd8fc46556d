package io.driftgate.history.generative;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A generated Flyway history: versioned migrations V1..Vn, each a list of statements. */
record GeneratedHistory(long seed, List<Migration> migrations, java.util.Map<String, Integer> avoided) {

    /** {@code avoided}: statements the generator left out by a named exclusion, counted per name. */
    GeneratedHistory {
        migrations = List.copyOf(migrations);
        avoided = java.util.Map.copyOf(avoided);
    }

    /** What a statement does, for the drift the test makes by hand and for the summary. */
    enum Kind {
        /** Schema only: may be run by hand as drift. */
        SCHEMA,
        /** Changes rows (INSERT, UPDATE, DELETE backfills): never run by hand. */
        DATA,
        /** An in-script COMMIT. */
        COMMIT
    }

    record Statement(Kind kind, String sql) {
    }

    /** {@code concurrent}: only CREATE/DROP INDEX CONCURRENTLY, which Flyway runs outside a transaction. */
    record Migration(int version, String description, List<Statement> statements, boolean concurrent) {

        Migration {
            statements = List.copyOf(statements);
        }

        String fileName() {
            return "V" + version + "__" + description + ".sql";
        }

        String script() {
            return statements.stream().map(s -> s.sql() + ";").collect(Collectors.joining("\n", "", "\n"));
        }

        boolean changesData() {
            return statements.stream().anyMatch(s -> s.kind() != Kind.SCHEMA);
        }
    }

    /** Writes V1__….sql … into {@code dir}. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Migration m : migrations) {
            Files.writeString(dir.resolve(m.fileName()), m.script());
        }
    }

    /** Every script, for a failure message that reproduces the case by hand. */
    String describe() {
        return migrations.stream().map(m -> "-- " + m.fileName() + "\n" + m.script()).collect(Collectors.joining());
    }

    long count(Kind kind) {
        return migrations.stream().flatMap(m -> m.statements().stream()).filter(s -> s.kind() == kind).count();
    }
}
