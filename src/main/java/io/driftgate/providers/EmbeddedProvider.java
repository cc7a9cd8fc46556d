package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The zonky embedded PostgreSQL of one major (13 to 18): no Docker, no installed server. Like a real
 * server, it asks for a password over the network: the superuser {@code postgres} gets a password made up
 * for this server, and every host login uses scram-sha-256, so a caller that forgets the password fails
 * here as it would in production. Its data directory lives on tmpfs where there is one, and durability is
 * switched off: everything on it is thrown away.
 */
public record EmbeddedProvider(int major, Map<String, String> env) implements PostgresProvider {

    static final String NAME = "embedded";
    static final String SUPERUSER = "postgres";
    private static final Path TMPFS = Path.of("/dev/shm");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final String SCRAM = "scram-sha-256";
    private static final int PASSWORD_BYTES = 18;

    public EmbeddedProvider {
        PostgresMajor.require(major);
        env = Map.copyOf(env);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostgresProvider forMajor(int other) {
        return new EmbeddedProvider(other, env);
    }

    @Override
    public PostgresServer start() {
        EmbeddedBinaries binaries = new EmbeddedBinaries(major, env);
        binaries.jar(); // fetched before zonky starts, so a download failure is reported as such
        Path dataDirectory = temporaryDirectory("driftgate-pg-");
        Path passwordDirectory = temporaryDirectory("driftgate-pw-");
        String password = HexFormat.of().formatHex(randomBytes());
        try {
            // initdb may run as another user (zonky uses `unshare -U` for root): the file must be readable to it
            Path passwordFile = Files.writeString(passwordDirectory.resolve("pwfile"), password + "\n");
            Files.setPosixFilePermissions(passwordDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    // SharedPostgres stops the server after dropping its databases; zonky's own hook would race it
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // initdb options (zonky passes these as --key=value): a password, scram for host and socket logins
                    .setLocaleConfig("auth-host", SCRAM)
                    // the Unix socket too: with trust there, any local user would be superuser on this server
                    .setLocaleConfig("auth-local", SCRAM)
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("password_encryption", SCRAM)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            ConnectionSettings admin = new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    SUPERUSER, Optional.of(password));
            return new Server(postgres, admin, ServerVersion.of(admin), binaries.version());
        } catch (IOException | RuntimeException e) {
            throw explain(e);
        } finally {
            deleteQuietly(passwordDirectory.resolve("pwfile"));
            deleteQuietly(passwordDirectory);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            Path parent = Files.isDirectory(TMPFS) && Files.isWritable(TMPFS) ? TMPFS : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temp folder left behind holds nothing secret once the server has started with its own copy
        }
    }

    private ProviderException explain(Exception e) {
        if (e instanceof ProviderException p) {
            return p;
        }
        String detail = rootMessage(e);
        if (detail.contains("cannot be run as root")) {
            return new ProviderException("The embedded PostgreSQL cannot start: initdb: cannot be run as root, "
                    + "and this machine does not allow user namespaces (unshare -U) to run it as another user. "
                    + "Run driftgate as a non-root user, or allow user namespaces (sysctl kernel.unprivileged_userns_clone=1; "
                    + "in Docker: --security-opt seccomp=unconfined), or use a server you have: "
                    + "DRIFTGATE_PG=external DRIFTGATE_PG_URL=postgres://user:password@host:5432/postgres", e);
        }
        return new ProviderException("The embedded PostgreSQL " + major + " did not start: " + detail
                + ". Check free space in /dev/shm and the temp folder, or use DRIFTGATE_PG=external with DRIFTGATE_PG_URL.", e);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            Optional.ofNullable(t.getMessage()).ifPresent(m -> all.append(all.length() == 0 ? "" : ": ").append(m));
        }
        return all.toString();
    }

    private record Server(EmbeddedPostgres postgres, ConnectionSettings admin, ServerVersion version, String binaries)
            implements PostgresServer {
        @Override
        public String description() {
            return "embedded " + version + " (zonky binaries " + binaries + ") on 127.0.0.1:" + postgres.getPort();
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
