package io.driftgate.cli;

import io.driftgate.providers.ThrowawayDatabase;
import io.driftgate.testing.CatalogFingerprint;
import io.driftgate.testing.TestDatabases;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The cases of {@link BadInputCatalogueTest}: the framework here, the cases by kind in
 * {@link BadInputCases}. The starting database is the incident's: V1–V3's objects created by hand with a
 * few rows, and no Flyway history.
 */
final class BadInputs {

    static final String APP = "fixtures/app/db/migration";
    static final String INCIDENT_SQL = read(APP, "V1__") + "\n" + read(APP, "V2__") + "\n" + read(APP, "V3__") + """

            INSERT INTO app_user (email) VALUES ('a@example.com'), ('b@example.com');
            INSERT INTO candidate (user_id, full_name, expected_wage) VALUES (1, 'Ada', 10.5), (2, 'Bob', NULL);
            """;
    private static final long SEED = Long.getLong("driftgate.seed", 9_001L);

    private BadInputs() {
    }

    /** What a case promises beyond its exit code. */
    enum Promise {
        /** The target database and the server are unchanged. */
        NOTHING_CHANGES,
        /** The run may change the target (a failed deploy after committed work); the server stays unchanged. */
        DATABASE_MAY_CHANGE
    }

    record Case(String name, int exit, Promise promise, Arrange arrange) {
    }

    @FunctionalInterface
    interface Arrange {
        Invocation arrange(Context context) throws Exception;
    }

    /** The command line, and phrases its output must contain (case-insensitive). */
    record Invocation(List<String> args, List<String> mustSay) {
        Invocation {
            args = List.copyOf(args);
            mustSay = List.copyOf(mustSay);
        }

        static Invocation of(List<String> args, String... mustSay) {
            return new Invocation(args, List.of(mustSay));
        }
    }

    static Case nothingChanges(String name, int exit, Arrange arrange) {
        return new Case(name, exit, Promise.NOTHING_CHANGES, arrange);
    }

    static Case mayChange(String name, int exit, Arrange arrange) {
        return new Case(name, exit, Promise.DATABASE_MAY_CHANGE, arrange);
    }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.addAll(BadInputCases.connection());
        all.addAll(BadInputCases.locations());
        all.addAll(BadInputCases.options());
        all.addAll(BadInputCases.history());
        all.addAll(BadInputCases.commands());
        return List.copyOf(all);
    }

    /** Every 6-character piece of a secret (the whole secret when shorter), the ways a leak would show it. */
    static Set<String> pieces(String secret) {
        Set<String> pieces = new LinkedHashSet<>();
        if (secret.length() <= 6) {
            pieces.add(secret);
        }
        for (int i = 0; i + 6 <= secret.length(); i++) {
            pieces.add(secret.substring(i, i + 6));
        }
        return pieces;
    }

    /** One case's database and scratch folder, and the secrets it handed to the command. */
    static final class Context {
        private final ThrowawayDatabase db;
        private final Path dir;
        private final List<String> secrets = new ArrayList<>();
        private final Random random;
        private Consumer<CliRun> afterwards = run -> { };
        private final List<AutoCloseable> closeLater = new ArrayList<>();

        Context(ThrowawayDatabase db, Path dir) {
            this.db = db;
            this.dir = dir;
            this.random = new Random(SEED ^ dir.getFileName().toString().hashCode());
        }

        ThrowawayDatabase db() {
            return db;
        }

        String url() {
            return db.settings().jdbcUrl();
        }

        /** This database's URL with its user and password in the query, as --shadow-url takes them. */
        String urlWithCredentials() {
            return withQuery(url(), "user=" + db.settings().user() + "&password="
                    + java.net.URLEncoder.encode(password(), java.nio.charset.StandardCharsets.UTF_8));
        }

        /** {@code url} with {@code pairs} added to its query (a provider's URL may already have one: ?loggerLevel=OFF). */
        static String withQuery(String url, String pairs) {
            return url + (url.contains("?") ? "&" : "?") + pairs;
        }

        /** A fresh password-like secret over printable ASCII; the test asserts that no piece of it is printed. */
        String secret() {
            StringBuilder s = new StringBuilder("Pw");
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!$%^*()-_=+[]{};,.~";
            for (int i = 0; i < 14; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            secrets.add(s.toString());
            return s.toString();
        }

        /** The test server's real password (it asks for one over the network), watched like any other secret. */
        String password() {
            String password = TestDatabases.password(db.settings());
            if (!secrets.contains(password)) {
                secrets.add(password);
            }
            return password;
        }

        List<String> secrets() {
            return List.copyOf(secrets);
        }

        /** {@code COMMAND --url … --user … --password SECRET --locations LOCATIONS} and more. */
        List<String> command(String command, String locations, String... more) {
            List<String> args = new ArrayList<>(List.of(command, "--url", url(), "--user", db.settings().user(),
                    "--password", password(), "--locations", locations));
            args.addAll(List.of(more));
            return args;
        }

        /** A migrations folder holding {@code name, content} pairs. */
        String migrations(String... nameAndContent) throws IOException {
            Path folder = Files.createDirectories(dir.resolve("migrations" + random.nextInt(1_000_000)));
            for (int i = 0; i + 1 < nameAndContent.length; i += 2) {
                Files.writeString(folder.resolve(nameAndContent[i]), nameAndContent[i + 1]);
            }
            return folder.toString();
        }

        /** The fixture app's migrations plus {@code name, content} pairs. */
        String appPlus(String... nameAndContent) throws IOException {
            String folder = migrations(nameAndContent);
            try (Stream<Path> files = Files.list(Path.of(APP))) {
                for (Path f : files.toList()) {
                    Path copy = Path.of(folder).resolve(f.getFileName());
                    if (!Files.exists(copy)) { // the case's own file of that name replaces the app's
                        Files.copy(f, copy);
                    }
                }
            }
            return folder;
        }

        /**
         * The app plus a V6 no replay has seen (a cache hit opens no shadow, so a given shadow is checked only on a miss):
         * what a user's first run with a new migration meets.
         */
        String uncachedApp() throws IOException {
            return appPlus("V6__add_note.sql", "ALTER TABLE candidate ADD COLUMN note text; -- " + java.util.UUID.randomUUID() + "\n");
        }

        /** Plain Flyway migrate of this database with {@code location}, as a deploy without driftgate would. */
        void flywayMigrate(String location, String target) {
            Flyway.configure().dataSource(url(), db.settings().user(), db.settings().password().orElse(null))
                    .locations("filesystem:" + location).target(target).baselineOnMigrate(false).load().migrate();
        }

        void sql(String sql) throws Exception {
            TestDatabases.execute(db.settings(), sql);
        }

        void dropAll() throws Exception {
            sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }

        Path dir() throws IOException {
            return Files.createDirectories(dir);
        }

        /** Another database holding {@code sql}, for --shadow-url; its content must be the same afterwards. */
        String shadowWith(String sql) throws Exception {
            ThrowawayDatabase shadow = TestDatabases.fresh();
            closeLater.add(shadow);
            TestDatabases.execute(shadow.settings(), sql);
            CatalogFingerprint before = CatalogFingerprint.of(shadow.settings());
            Consumer<CliRun> previous = afterwards;
            afterwards = run -> {
                previous.accept(run);
                try {
                    org.assertj.core.api.Assertions.assertThat(CatalogFingerprint.of(shadow.settings()).differencesFrom(before))
                            .as("changes to the given shadow database").isEmpty();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            return withQuery(shadow.settings().jdbcUrl(), "user=" + shadow.settings().user() + "&password="
                    + java.net.URLEncoder.encode(password(), java.nio.charset.StandardCharsets.UTF_8));
        }

        /** A login role that may connect and read this database but change nothing; dropped afterwards. */
        String readOnlyRole() throws Exception {
            String role = "dg_reader_" + Integer.toUnsignedString(random.nextInt(), 36);
            String database = db.name();
            sql("CREATE ROLE " + role + " LOGIN PASSWORD '" + password().replace("'", "''") + "'; GRANT CONNECT ON DATABASE \"" + database + "\" TO " + role
                    + "; GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role + ";");
            closeLater.add(() -> sql("DROP OWNED BY " + role + "; DROP ROLE " + role + ";"));
            return role;
        }

        private static List<AutoCloseable> reversedCopy(List<AutoCloseable> list) {
            List<AutoCloseable> copy = new ArrayList<>(list);
            java.util.Collections.reverse(copy);
            return copy;
        }

        void close() throws Exception {
            for (AutoCloseable c : reversedCopy(closeLater)) {
                c.close();
            }
        }

        void afterwards(Consumer<CliRun> check) {
            this.afterwards = check;
        }

        void afterwards(CliRun run) {
            afterwards.accept(run);
        }
    }

    private static String read(String folder, String prefix) {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return Files.readString(files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
