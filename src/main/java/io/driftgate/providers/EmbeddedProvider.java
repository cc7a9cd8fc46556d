package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The zonky embedded PostgreSQL: no Docker, no installed server. Its data directory lives on tmpfs
 * where there is one, and durability is switched off: everything on it is thrown away.
 */
public final class EmbeddedProvider implements PostgresProvider {

    static final String NAME = "embedded";
    private static final Path TMPFS = Path.of("/dev/shm");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostgresServer start() {
        Path dataDirectory = dataDirectory();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    // SharedPostgres stops the server after dropping its databases; zonky's own hook would race it
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            return new Server(postgres);
        } catch (IOException | RuntimeException e) {
            throw explain(e);
        }
    }

    private static Path dataDirectory() {
        try {
            Path parent = Files.isDirectory(TMPFS) && Files.isWritable(TMPFS) ? TMPFS : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent, "driftgate-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProviderException explain(Exception e) {
        String detail = rootMessage(e);
        if (detail.contains("cannot be run as root")) {
            return new ProviderException("The embedded PostgreSQL cannot start: initdb: cannot be run as root, "
                    + "and this machine does not allow user namespaces (unshare -U) to run it as another user. "
                    + "Run driftgate as a non-root user, or allow user namespaces (sysctl kernel.unprivileged_userns_clone=1; "
                    + "in Docker: --security-opt seccomp=unconfined), or use a server you have: "
                    + "DRIFTGATE_PG=external DRIFTGATE_PG_URL=postgres://user@host:5432/postgres", e);
        }
        return new ProviderException("The embedded PostgreSQL did not start: " + detail
                + ". Check free space in /dev/shm and the temp folder, or use DRIFTGATE_PG=external with DRIFTGATE_PG_URL.", e);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            Optional.ofNullable(t.getMessage()).ifPresent(m -> all.append(all.length() == 0 ? "" : ": ").append(m));
        }
        return all.toString();
    }

    private static final class Server implements PostgresServer {
        private final EmbeddedPostgres postgres;

        Server(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        @Override
        public String description() {
            return "embedded PostgreSQL (zonky) on 127.0.0.1:" + postgres.getPort();
        }

        @Override
        public ConnectionSettings admin() {
            return new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "postgres", Optional.empty());
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
