package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import org.hibernate.archive.scan.internal.StandardScanner;
import org.hibernate.boot.archive.scan.spi.ClassDescriptor;
import org.hibernate.boot.archive.scan.spi.ScanEnvironment;
import org.hibernate.boot.archive.scan.spi.ScanOptions;
import org.hibernate.boot.archive.scan.spi.ScanParameters;
import org.hibernate.boot.archive.spi.ArchiveException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the mapped classes (entities, embeddables, mapped superclasses, converters) in a classes folder or
 * jar with Hibernate's Jandex scanner, which reads bytecode: nothing of the application is loaded or
 * initialised before we know which classes matter.
 */
final class EntityScan {

    private EntityScan() {
    }

    /** Class names to register, sorted; fails when the location is unusable or holds nothing mapped in the packages. */
    static List<String> mappedClasses(EntitySource source) {
        Path location = source.location();
        checkLocation(location);
        List<String> names;
        try {
            names = new StandardScanner().scan(environment(location), OPTIONS, new ScanParameters() { })
                    .getLocatedClasses().stream()
                    .filter(c -> c.getCategorization() != ClassDescriptor.Categorization.OTHER)
                    .map(ClassDescriptor::getName)
                    .filter(source::includes)
                    .sorted()
                    .toList();
        } catch (ArchiveException e) {
            throw new DriftgateException(Failure.BAD_INPUT, "Cannot read the entity classes in " + location + ": "
                    + e.getMessage() + ". Check the path given to --entities.", e);
        }
        if (names.isEmpty()) {
            throw DriftgateException.badInput(noEntitiesMessage(source));
        }
        return names;
    }

    static String noEntitiesMessage(EntitySource source) {
        String where = source.location()
                + (source.packages().isEmpty() ? "" : " (packages " + String.join(", ", source.packages()) + ")");
        return "No @Entity classes found in " + where + ". Point --entities at the compiled classes folder or jar "
                + "(e.g. target/classes, not src/main/java), check --entity-packages, and use jakarta.persistence "
                + "annotations (javax.persistence is not read by Hibernate 6 and later).";
    }

    private static void checkLocation(Path location) {
        if (!Files.exists(location)) {
            throw DriftgateException.badInput("Entity classes not found: " + location + " does not exist. Point "
                    + "--entities at the application's compiled classes folder (e.g. target/classes) or its jar; "
                    + "build the application first.");
        }
        if (Files.isDirectory(location)) {
            return;
        }
        try (ZipFile zip = new ZipFile(location.toFile())) {
            if (zip.getEntry("BOOT-INF/classes/") != null || zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"))) {
                throw DriftgateException.badInput(location + " is a Spring Boot executable jar; its classes are nested "
                        + "in BOOT-INF/classes. Point --entities at the plain jar or at target/classes instead.");
            }
        } catch (ZipException e) {
            throw DriftgateException.badInput(location + " is neither a folder nor a jar. Point --entities at the "
                    + "application's compiled classes folder (e.g. target/classes) or its jar.");
        } catch (IOException e) {
            throw new DriftgateException(Failure.BAD_INPUT, "Cannot read " + location + ": " + e.getMessage()
                    + ". Check the path given to --entities and its permissions.", e);
        }
    }

    /** Everything in the one root is scanned; there is no persistence.xml to list classes. */
    private static final ScanOptions OPTIONS = new ScanOptions() {
        @Override
        public boolean canDetectUnlistedClassesInRoot() {
            return true;
        }

        @Override
        public boolean canDetectUnlistedClassesInNonRoot() {
            return false;
        }

        @Override
        public boolean canDetectHibernateMappingFiles() {
            return false;
        }
    };

    private static ScanEnvironment environment(Path location) {
        URL root = url(location);
        return new ScanEnvironment() {
            @Override
            public URL getRootUrl() {
                return root;
            }

            @Override
            public List<URL> getNonRootUrls() {
                return List.of();
            }

            @Override
            public List<String> getExplicitlyListedClassNames() {
                return List.of();
            }

            @Override
            public List<String> getExplicitlyListedMappingFiles() {
                return List.of();
            }
        };
    }

    static URL url(Path location) {
        try {
            return location.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw DriftgateException.badInput("Cannot use " + location + " as a class path entry: " + e.getMessage());
        }
    }
}
