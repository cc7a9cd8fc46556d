package io.driftgate.read.replay;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-version schemas of earlier replays, as JSON files named by a hash of everything that decides the
 * result: the ordered migrations with their checksums, the schemas and the server major version. A file
 * that cannot be read is treated as absent, so the worst a broken cache does is cost one replay.
 */
public final class ReplayCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayCache.class);
    /** Bumped whenever the stored shape or the schema reading changes, so old entries are not reused. */
    private static final String FORMAT = "replay-cache-3";

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new Jdk8Module())
            // records are stored by their components only, not by derived isEmpty()/isRepeatable()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ReplayCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $DRIFTGATE_CACHE_DIR/replay} if set, else {@code ~/.cache/driftgate/replay}. */
    public static ReplayCache standard(Map<String, String> env) {
        String configured = env.getOrDefault("DRIFTGATE_CACHE_DIR", "");
        Path base = configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "driftgate")
                : Path.of(configured);
        return new ReplayCache(base.resolve("replay"));
    }

    public Path directory() {
        return directory;
    }

    /** The key, or empty when a migration has no checksum (a Java migration): its changes cannot be seen. */
    static Optional<String> key(List<ReplayedMigration> migrations, List<String> schemas, int serverMajor) {
        return key(migrations, schemas, serverMajor, FlywaySettings.defaults().fingerprint());
    }

    /** As above, with the Flyway settings that change what the same scripts build (placeholders, encoding, callbacks …). */
    static Optional<String> key(List<ReplayedMigration> migrations, List<String> schemas, int serverMajor, String flywaySettings) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(serverMajor).append('\n');
        text.append(flywaySettings).append('\n');
        schemas.forEach(s -> text.append("schema ").append(s).append('\n'));
        for (ReplayedMigration m : migrations) {
            if (m.checksum().isEmpty()) {
                return Optional.empty();
            }
            text.append(m.version().orElse("R")).append('\t').append(m.script()).append('\t')
                    .append(m.type()).append('\t').append(m.checksum().get()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Optional<ReplayResult> load(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), ReplayResult.class).withFromCache(true));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable replay cache entry {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void store(String key, ReplayResult result) {
        Path file = file(key);
        try {
            Files.createDirectories(directory);
            // write then rename, so a concurrent reader never sees half a file
            Path temp = Files.createTempFile(directory, key, ".tmp");
            json.writeValue(temp.toFile(), result.withFromCache(false));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the replay cache entry {}: {}", file, e.getMessage());
        }
    }

    private Path file(String key) {
        return directory.resolve(key + ".json");
    }
}
