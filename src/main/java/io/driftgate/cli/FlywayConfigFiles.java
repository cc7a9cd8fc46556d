package io.driftgate.cli;

import io.driftgate.failure.DriftgateException;
import io.driftgate.read.replay.FlywaySettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.configuration.ConfigUtils;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The application's Flyway configuration as Flyway's command line reads it, with Flyway's own readers:
 * {@code flyway.conf} files (the user's home, then the working directory; or the one {@code --flyway-config}
 * names), then {@code FLYWAY_*} environment variables, then {@code --placeholder k=v}. TOML configuration
 * ({@code flyway.toml}) is read by Flyway's command-line module, which driftgate does not ship: when one is
 * found, driftgate stops (exit 3) rather than run without the settings it may hold.
 */
final class FlywayConfigFiles {

    /** Settings driftgate decides itself: the target comes from --url, the data source is always driftgate's. */
    private static final Set<String> DRIFTGATE_DECIDES = Set.of("flyway.url", "flyway.user", "flyway.password",
            "flyway.driver", "flyway.jarDirs", "flyway.configFiles", "flyway.workingDirectory");
    static final String NONE = "none";

    private FlywayConfigFiles() {
    }

    /** The merged Flyway properties ({@code flyway.placeholders.x=…}) and the class loader for classpath: locations. */
    record Loaded(Map<String, String> properties, ClassLoader classLoader) {

        Optional<String> get(String key) {
            return Optional.ofNullable(properties.get(key)).filter(v -> !v.isBlank());
        }

        FlywaySettings settings() {
            try {
                return FlywaySettings.of(Flyway.configure(classLoader).configuration(properties));
            } catch (FlywayException e) {
                throw DriftgateException.badInput("The Flyway configuration (flyway.conf, FLYWAY_* variables, --placeholder) "
                        + "is not valid: " + e.getMessage().strip() + ". Fix or remove that setting.");
            }
        }
    }

    static Loaded load(Optional<String> configFile, List<String> placeholders, List<Path> classpath, Map<String, String> env,
                       Path workingDirectory) {
        Map<String, String> properties = new LinkedHashMap<>(files(configFile, workingDirectory));
        properties.putAll(ConfigUtils.environmentVariablesToPropertyMap(env));
        for (String placeholder : placeholders) {
            int eq = placeholder.indexOf('=');
            if (eq <= 0) {
                throw DriftgateException.badInput("--placeholder " + placeholder + " is not KEY=VALUE; give e.g. "
                        + "--placeholder schema_owner=app (repeat the option for more).");
            }
            properties.put(ConfigUtils.PLACEHOLDERS_PROPERTY_PREFIX + placeholder.substring(0, eq), placeholder.substring(eq + 1));
        }
        List<Path> jars = new ArrayList<>(classpath);
        Optional.ofNullable(properties.get("flyway.jarDirs")).ifPresent(dirs -> jars.addAll(jarsIn(dirs, workingDirectory)));
        DRIFTGATE_DECIDES.forEach(properties::remove);
        return new Loaded(Map.copyOf(properties), classLoader(jars));
    }

    private static Map<String, String> files(Optional<String> configFile, Path workingDirectory) {
        if (configFile.isPresent()) {
            if (configFile.get().equals(NONE)) {
                return Map.of();
            }
            Path file = workingDirectory.resolve(configFile.get());
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw DriftgateException.badInput("--flyway-config " + configFile.get() + " is not a readable file ("
                        + file.toAbsolutePath() + "); give a flyway.conf, or --flyway-config none to read no file.");
            }
            if (file.getFileName().toString().endsWith(".toml")) {
                throw tomlNotRead(file);
            }
            return load(file);
        }
        File nowhere = workingDirectory.resolve("no-flyway-installation").toFile();
        for (File toml : ConfigUtils.getDefaultTomlConfigFileLocations(nowhere, workingDirectory.toString())) {
            Path path = toml.isAbsolute() ? toml.toPath() : workingDirectory.resolve(toml.getPath());
            if (Files.isRegularFile(path)) {
                throw tomlNotRead(path);
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        Path home = Path.of(System.getProperty("user.home"), "flyway.conf");
        for (Path file : List.of(home, workingDirectory.resolve("flyway.conf"))) {
            if (Files.isRegularFile(file)) {
                found.putAll(load(file));
            }
        }
        return found;
    }

    private static Map<String, String> load(Path file) {
        try {
            return ConfigUtils.loadConfigurationFile(file.toFile(), "UTF-8", true);
        } catch (FlywayException e) {
            throw DriftgateException.badInput("Could not read the Flyway configuration " + file.toAbsolutePath() + ": "
                    + e.getMessage().strip());
        }
    }

    private static DriftgateException tomlNotRead(Path file) {
        return DriftgateException.badInput("Found the Flyway TOML configuration " + file.toAbsolutePath() + ", which driftgate "
                + "cannot read (Flyway reads TOML in its command-line tool, not in the library driftgate uses), and running without "
                + "its placeholders, encoding or callbacks would replay different SQL. Give the same settings in a flyway.conf "
                + "(flyway.placeholders.NAME=VALUE …) with --flyway-config FILE, or as FLYWAY_* variables and --placeholder NAME=VALUE "
                + "with --flyway-config none.");
    }

    private static List<Path> jarsIn(String dirs, Path workingDirectory) {
        List<Path> jars = new ArrayList<>();
        for (String dir : dirs.split(",")) {
            Path folder = workingDirectory.resolve(dir.strip());
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw DriftgateException.badInput("flyway.jarDirs names " + folder.toAbsolutePath() + ", which cannot be read: "
                        + e.getMessage());
            }
        }
        return jars;
    }

    private static ClassLoader classLoader(List<Path> classpath) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (classpath.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.isDirectory(entry) && !(Files.isRegularFile(entry) && entry.toString().endsWith(".jar"))) {
                throw DriftgateException.badInput("--classpath " + entry + " is neither a folder nor a .jar file ("
                        + entry.toAbsolutePath() + "); give the application's classes folder or jar, which holds classpath: "
                        + "locations such as db/migration and any Java migrations.");
            }
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw DriftgateException.badInput("--classpath " + entry + " is not a usable path: " + e.getMessage());
            }
        }
        return new URLClassLoader("driftgate-application", urls.toArray(URL[]::new), parent);
    }
}
