package io.driftgate.read.replay;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place driftgate reads a migration's text: the file Flyway itself resolved the migration from
 * ({@link MigrationInfo#getPhysicalLocation()}, a file on disk or an entry in a jar on the classpath), read
 * with the configured encoding. Never a lookup of its own by script name: two sub-folders may hold
 * scripts of one name, and only Flyway knows which one it resolved.
 */
public final class ScriptText {

    private ScriptText() {
    }

    /** The raw text (placeholders not replaced), or empty for a Java migration or a script that cannot be read. */
    public static Optional<String> of(MigrationInfo migration, Configuration configuration) {
        String script = Optional.ofNullable(migration.getScript()).orElse("");
        String location = Optional.ofNullable(migration.getPhysicalLocation()).orElse("");
        if (!script.toLowerCase(Locale.ROOT).endsWith(".sql") || location.isBlank()) {
            return Optional.empty();
        }
        Charset encoding = Optional.ofNullable(configuration.getEncoding()).orElse(StandardCharsets.UTF_8);
        int inJar = location.indexOf("!/");
        int file = location.indexOf("file:");
        if (inJar > 0 && file >= 0) {
            // a classpath resource in a jar: Flyway reports the URL's path, "file:/app.jar!/db/migration/V1__x.sql"
            try (InputStream in = URI.create("jar:" + location.substring(file).replace(" ", "%20")).toURL().openStream()) {
                return Optional.of(new String(in.readAllBytes(), encoding));
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, encoding));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
