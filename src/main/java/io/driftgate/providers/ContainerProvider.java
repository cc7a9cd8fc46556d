package io.driftgate.providers;

import io.driftgate.db.ConnectionSettings;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Optional;

/** PostgreSQL in a Docker container through Testcontainers (GitHub Actions, developer machines with Docker). */
public final class ContainerProvider implements PostgresProvider {

    static final String NAME = "docker";
    public static final String DEFAULT_IMAGE = "postgres:17-alpine";

    private final String image;

    public ContainerProvider(String image) {
        this.image = image;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostgresServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300")
                .withTmpFs(java.util.Map.of("/var/lib/postgresql/data", "rw"));
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new ProviderException("Docker is there but the PostgreSQL container (" + image + ") did not start: "
                    + e.getMessage() + ". Check `docker run " + image + "` by hand, or set DRIFTGATE_PG=embedded.", e);
        }
        return new Server(container, image);
    }

    private record Server(PostgreSQLContainer container, String image) implements PostgresServer {
        @Override
        public String description() {
            return "PostgreSQL container " + image + " (Testcontainers) on " + container.getHost() + ":"
                    + container.getMappedPort(5432);
        }

        @Override
        public ConnectionSettings admin() {
            return new ConnectionSettings(container.getJdbcUrl(), container.getUsername(),
                    Optional.of(container.getPassword()));
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
