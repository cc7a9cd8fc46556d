package io.driftgate.cli;

import io.driftgate.providers.EmbeddedBinaries;
import io.driftgate.providers.PostgresMajor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * An embedded PostgreSQL that stores passwords as SCRAM-SHA-256 and demands SCRAM of every TCP login
 * but the superuser's (which zonky needs to start it), so a role's password is really checked.
 */
final class ScramServer implements AutoCloseable {

    private static final String HBA = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;

    ScramServer() {
        try {
            Path data = Files.createTempDirectory(Files.isWritable(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir")),
                    "driftgate-scram-");
            postgres = EmbeddedPostgres.builder()
                    // the major the run's provider uses (DRIFTGATE_PG_VERSION): the shadow for this target then comes from the
                    // same provider, not from a container image of another major that a machine without a registry lacks
                    .setPgBinaryResolver(new EmbeddedBinaries(PostgresMajor.fromEnvironment(System.getenv()), System.getenv()))
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "100")
                    .setDataDirectoryCustomizer(dir -> write(dir.toPath().resolve("pg_hba.conf")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** Runs SQL as the superuser. */
    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void write(Path hba) {
        try {
            Files.writeString(hba, HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
