package io.driftgate.bench;

import io.driftgate.db.ConnectionSettings;
import io.driftgate.model.SchemaModel;
import io.driftgate.providers.SharedPostgres;
import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.providers.ThrowawayDatabases;
import io.driftgate.read.catalog.CatalogReader;

import java.io.File;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times {@link CatalogReader#read} against {@code pg_dump --schema-only} on a 5,000-table schema.
 * Not a test (no assertion, not run by surefire). Usage, after {@code mvn test-compile} and
 * {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.driftgate.bench.CatalogReadBenchmark \
 *      [jdbc:postgresql://127.0.0.1:5432/postgres [user]]
 * </pre>
 * Without a URL it uses the JVM's shared PostgreSQL (embedded); pg_dump from PATH must match the server's version.
 */
public final class CatalogReadBenchmark {

    private static final int TABLES = 5_000;
    private static final int TABLES_PER_BATCH = 200; // keeps each batch's locks well under max_locks_per_transaction
    private static final int RUNS = 5;
    private static final Pattern HOST_PORT_DB = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*)");

    private CatalogReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ThrowawayDatabases databases = args.length == 0 ? SharedPostgres.databases()
                : new ThrowawayDatabases(new ConnectionSettings(args[0], args.length > 1 ? args[1] : "postgres",
                Optional.ofNullable(System.getenv("PGPASSWORD"))));
        try (ThrowawayDatabase db = databases.create()) {
            long start = System.nanoTime();
            createSchema(db.settings());
            System.out.printf("created %,d tables in %.1f s%n", TABLES, seconds(System.nanoTime() - start));
            double read = timeRead(db.settings());
            Optional<Double> dump = timePgDump(db.settings());
            System.out.printf("CatalogReader.read : median %.3f s over %d runs%n", read, RUNS);
            dump.ifPresentOrElse(d -> {
                System.out.printf("pg_dump --schema-only: median %.3f s over %d runs%n", d, RUNS);
                System.out.printf("ratio read / pg_dump: %.3f%n", read / d);
            }, () -> System.out.println("pg_dump: not timed (see above)"));
        }
        System.exit(0);
    }

    /** Each table: a few columns and a primary key; every 3rd an index, every 5th a foreign key, every 4th a check. */
    private static void createSchema(ConnectionSettings db) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (int first = 0; first < TABLES; first += TABLES_PER_BATCH) {
                StringBuilder sql = new StringBuilder();
                for (int i = first; i < Math.min(TABLES, first + TABLES_PER_BATCH); i++) {
                    sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, name text NOT NULL, ")
                            .append("amount numeric(10,2) DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now(), ")
                            .append("parent_id bigint");
                    if (i % 5 == 0 && i > 0) {
                        sql.append(" REFERENCES t").append(i - 1).append(" ON DELETE CASCADE");
                    }
                    if (i % 4 == 0) {
                        sql.append(", CHECK (amount >= 0)");
                    }
                    sql.append(");\n");
                    if (i % 3 == 0) {
                        sql.append("CREATE INDEX t").append(i).append("_name ON t").append(i).append(" (name);\n");
                    }
                }
                s.execute(sql.toString());
            }
        }
    }

    private static double timeRead(ConnectionSettings db) throws Exception {
        CatalogReader reader = new CatalogReader();
        try (Connection c = db.open()) {
            SchemaModel warm = reader.read(c, List.of("public"));
            System.out.printf("warm-up read: %,d tables%n", warm.tables().size());
            List<Double> times = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                reader.read(c, List.of("public"));
                times.add(seconds(System.nanoTime() - start));
            }
            System.out.println("read runs (s): " + times);
            return median(times);
        }
    }

    private static Optional<Double> timePgDump(ConnectionSettings db) throws Exception {
        Matcher m = HOST_PORT_DB.matcher(db.jdbcUrl());
        if (!m.find()) {
            System.out.println("pg_dump: cannot take host/port/database from " + db.jdbcUrl());
            return Optional.empty();
        }
        List<String> command = List.of("pg_dump", "--schema-only", "--no-password", "-h", m.group(1),
                "-p", m.group(2) == null ? "5432" : m.group(2), "-U", db.user(), "-d", m.group(3), "-f", "/dev/null");
        if (runPgDump(command, db) != 0) { // warm-up, and a version mismatch shows here
            System.out.println("pg_dump failed (is pg_dump on PATH the server's version?)");
            return Optional.empty();
        }
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            runPgDump(command, db);
            times.add(seconds(System.nanoTime() - start));
        }
        System.out.println("pg_dump runs (s): " + times);
        return Optional.of(median(times));
    }

    private static int runPgDump(List<String> command, ConnectionSettings db) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        db.password().ifPresent(p -> builder.environment().put("PGPASSWORD", p));
        builder.directory(new File("."));
        return builder.start().waitFor();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
