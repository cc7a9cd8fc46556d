package io.driftgate.scenarios;

import io.driftgate.apply.RepairSettings;
import io.driftgate.db.ConnectionSettings;
import io.driftgate.read.replay.MigrationReplay;
import io.driftgate.sql.Identifiers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/** Builds a scenario's starting state in an empty database, step by step, as the states arise in real life. */
final class StartingState {

    private StartingState() {
    }

    static void build(ConnectionSettings db, Scenario s) throws Exception {
        int i = 0;
        for (StartStep step : s.start()) {
            try {
                apply(db, s, step);
            } catch (Exception e) {
                throw new IllegalStateException("start[" + i + "] " + step + " failed: " + e.getMessage(), e);
            }
            i++;
        }
    }

    private static void apply(ConnectionSettings db, Scenario s, StartStep step) throws Exception {
        String history = Identifiers.qualified(s.schemas().get(0), RepairSettings.FLYWAY_HISTORY_TABLE);
        if (step instanceof StartStep.FlywayTo f) {
            FluentConfiguration config = flyway(db, s);
            if (!f.target().equals("latest")) {
                config.target(f.target());
            }
            config.load().migrate();
        } else if (step instanceof StartStep.Sql sql) {
            execute(db, s, Files.readString(sql.file()));
        } else if (step instanceof StartStep.Seed seed) {
            execute(db, s, Files.readString(seed.file()));
        } else if (step instanceof StartStep.ByHand byHand) {
            for (String version : byHand.versions()) {
                execute(db, s, Files.readString(script(s.migrations(), version)));
            }
        } else if (step instanceof StartStep.HistoryDelete d) {
            for (String version : d.versions()) {
                update(db, "DELETE FROM " + history + " WHERE version = ?", version);
            }
        } else if (step instanceof StartStep.HistoryFail f) {
            update(db, "UPDATE " + history + " SET success = false WHERE version = ?", f.version());
        } else if (step instanceof StartStep.HistoryChecksum c) {
            for (Map.Entry<String, Integer> e : c.checksums().entrySet()) {
                update(db, "UPDATE " + history + " SET checksum = " + e.getValue() + " WHERE version = ?", e.getKey());
            }
        }
    }

    static FluentConfiguration flyway(ConnectionSettings db, Scenario s) {
        return MigrationReplay.withoutTransactionalLock(Flyway.configure(Thread.currentThread().getContextClassLoader()))
                .dataSource(new io.driftgate.db.SettingsDataSource(db)) // the same connect/login/socket timeouts as ours
                .locations(s.locations().toArray(String[]::new))
                .schemas(s.schemas().toArray(String[]::new))
                .createSchemas(true);
    }

    /** Scripts run as a person would run them in psql: in the scenario's schemas, which exist by then. */
    private static void execute(ConnectionSettings db, Scenario s, String sql) throws SQLException {
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            for (String schema : s.schemas()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
            }
            st.execute("SET search_path TO " + Identifiers.list(s.schemas()));
            st.execute(sql);
        }
    }

    private static void update(ConnectionSettings db, String sql, String version) throws SQLException {
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, version);
            if (ps.executeUpdate() == 0) {
                throw new SQLException("no history row for version " + version);
            }
        }
    }

    static Path script(List<Path> migrations, String version) throws IOException {
        for (Path folder : migrations) {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> found = files.filter(p -> p.getFileName().toString().startsWith(version + "__")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IOException("no script " + version + "__*.sql in " + migrations);
    }

    /** Same steps, same files, same migrations: same starting state, so one template serves them all. */
    static String fingerprint(Scenario s) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.join(",", s.schemas()).getBytes(StandardCharsets.UTF_8));
            for (Path p : sorted(s.migrations())) { // every folder, in order
                md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            for (StartStep step : s.start()) {
                if (step instanceof StartStep.Sql sql) {
                    md.update(("sql:" + Files.readString(sql.file())).getBytes(StandardCharsets.UTF_8));
                } else if (step instanceof StartStep.Seed seed) {
                    md.update(("seed:" + Files.readString(seed.file())).getBytes(StandardCharsets.UTF_8));
                } else {
                    md.update(step.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> sorted(List<Path> folders) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                all.addAll(files.filter(Files::isRegularFile).sorted().toList());
            }
        }
        return all;
    }
}
