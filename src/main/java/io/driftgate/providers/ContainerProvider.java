package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL in a Docker container through Testcontainers (GitHub Actions, developer machines with Docker).
 * The image's tag names the major: {@code postgres:15-alpine} is 15, and {@link #forMajor} swaps that
 * number, so a shadow of the same major as its target is {@code postgres:13-alpine} for a 13 target.
 */
public record ContainerProvider(String image) implements PostgresProvider {

    static final String NAME = "docker";
    static final String IMAGE_TEMPLATE = "postgres:%d-alpine";
    public static final String DEFAULT_IMAGE = IMAGE_TEMPLATE.formatted(PostgresMajor.DEFAULT);
    private static final String CONTAINER_DATA = "/var/lib/postgresql/data";
    /** {@code name:TAG} where the tag starts with the major, e.g. {@code 15}, {@code 15-alpine}, {@code 15.19-bookworm}. */
    private static final Pattern MAJOR_TAG = Pattern.compile("^(.*:)(\\d+)([^:/]*)$");

    /** The official image of {@code major}. */
    public static ContainerProvider official(int major) {
        return new ContainerProvider(IMAGE_TEMPLATE.formatted(PostgresMajor.require(major)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostgresProvider forMajor(int major) {
        return new ContainerProvider(imageForMajor(image, PostgresMajor.require(major)));
    }

    /** {@code image} with the major in its tag replaced; an image whose tag names no major is kept as it is. */
    static String imageForMajor(String image, int major) {
        Matcher m = MAJOR_TAG.matcher(image);
        return m.matches() ? m.group(1) + major + m.group(3) : image;
    }

    /** The major an image's tag names, if it names one. */
    static Optional<Integer> majorOf(String image) {
        Matcher m = MAJOR_TAG.matcher(image);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Long enough for a first pull of a PostgreSQL image over a slow line; a wedged engine is not waited on longer. */
    static final Duration START_LIMIT = Duration.ofMinutes(5);

    @Override
    public PostgresServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("postgres")
                // a password made up per start, as on the embedded server: Testcontainers' default "test" is a common word,
                // and a secret that common would be starred in ordinary output (a JUnit XML <testcase> tag)
                .withPassword(java.util.HexFormat.of().formatHex(randomBytes()))
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300")
                .withTmpFs(Map.of(CONTAINER_DATA, "rw"));
        try {
            startWithin(container, START_LIMIT);
        } catch (RuntimeException | LinkageError e) {
            throw new ProviderException("Docker is there but the PostgreSQL container (" + image + ") did not start: "
                    + e.getMessage() + ". Check `docker run -e POSTGRES_PASSWORD=x " + image + "` by hand (without registry "
                    + "access, pull or build the image first and set TESTCONTAINERS_RYUK_DISABLED=true), or set DRIFTGATE_PG=embedded.", e);
        }
        ConnectionSettings admin = new ConnectionSettings(container.getJdbcUrl(), container.getUsername(),
                Optional.of(container.getPassword()));
        try {
            return new Server(container, image, admin, ServerVersion.of(admin));
        } catch (ProviderException e) {
            container.stop();
            throw e;
        }
    }

    /**
     * Testcontainers waits on the engine without a limit of its own (an engine that answers the ping and then hangs, a pull
     * that never ends): the start runs on its own thread and is abandoned after {@code limit}, so the caller can fall back.
     */
    private static void startWithin(PostgreSQLContainer container, Duration limit) {
        java.util.concurrent.FutureTask<Void> start = new java.util.concurrent.FutureTask<>(() -> {
            container.start();
            return null;
        });
        Thread thread = new Thread(start, "driftgate-container-start");
        thread.setDaemon(true); // an abandoned start must not keep the JVM alive
        thread.start();
        try {
            start.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            thread.interrupt();
            throw new IllegalStateException("the engine did not start the container within " + limit.toSeconds() + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the container", e);
        }
    }

    private record Server(PostgreSQLContainer container, String image, ConnectionSettings admin, ServerVersion version)
            implements PostgresServer {
        @Override
        public String description() {
            return version + " in container " + image + " (Testcontainers) on " + container.getHost() + ":"
                    + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
