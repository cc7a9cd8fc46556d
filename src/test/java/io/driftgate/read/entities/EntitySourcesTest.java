package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --entities} as a folder or a jar, and the mistakes a person can make with it. */
class EntitySourcesTest {

    @TempDir
    Path temp;

    @Test
    void jarReadsTheSameAsTheFolder() throws IOException {
        Path jar = temp.resolve("fixture-app.jar");
        zip(FixtureEntities.TEST_CLASSES, "io/driftgate/fixtureapp/", jar);
        assertThat(new EntityMapping().read(EntitySource.of(jar))).isEqualTo(FixtureEntities.read());
    }

    @Test
    void missingLocationIsBadInput() {
        assertBadInput(EntitySource.of(temp.resolve("no-such-classes")), "does not exist", "--entities");
    }

    @Test
    void fileThatIsNotAJarIsBadInput() throws IOException {
        Path file = Files.writeString(temp.resolve("entities.txt"), "not a jar");
        assertBadInput(EntitySource.of(file), "neither a folder nor a jar", "--entities");
    }

    @Test
    void packagesWithoutEntitiesAreBadInput() {
        assertBadInput(FixtureEntities.source().withPackages(List.of("com.example.nothing")),
                "No @Entity classes found", "com.example.nothing", "--entity-packages");
    }

    @Test
    void emptyFolderIsBadInput() throws IOException {
        assertBadInput(EntitySource.of(Files.createDirectory(temp.resolve("classes"))), "No @Entity classes found");
    }

    @Test
    void springBootExecutableJarIsRecognised() throws IOException {
        Path jar = temp.resolve("app.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("BOOT-INF/classes/"));
            out.closeEntry();
        }
        assertBadInput(EntitySource.of(jar), "Spring Boot executable jar", "BOOT-INF/classes");
    }

    @Test
    void entityWhoseDependencyIsMissingNamesBothClasses() throws Exception {
        Path classes = compile(Files.createDirectory(temp.resolve("broken")), """
                package broken;
                public class Money { long cents; }
                """, """
                package broken;
                @jakarta.persistence.Entity
                public class Invoice {
                    @jakarta.persistence.Id Long id;
                    @jakarta.persistence.Transient Money total;
                }
                """);
        Files.delete(classes.resolve("broken/Money.class"));
        assertBadInput(EntitySource.of(classes), "Entity class broken.Invoice cannot be loaded", "it needs broken.Money");
    }

    @Test
    void mappingHibernateRejectsIsBadInputWithHibernatesReason() throws Exception {
        Path classes = compile(Files.createDirectory(temp.resolve("noid")), """
                package noid;
                @jakarta.persistence.Entity
                public class Ledger { String title; }
                """);
        assertBadInput(EntitySource.of(classes), "Hibernate cannot map the entities", "noid.Ledger");
    }

    @Test
    void entityClassesFromTheFolderAreNotVisibleToDriftgatesLoader() throws Exception {
        Path classes = compile(Files.createDirectory(temp.resolve("isolated")), """
                package isolated;
                @jakarta.persistence.Entity
                public class Widget { @jakarta.persistence.Id Long id; String widgetName; }
                """);
        assertThat(new EntityMapping().read(EntitySource.of(classes)).tables())
                .singleElement().satisfies(t -> assertThat(t.column("widget_name")).isPresent());
        assertThatThrownBy(() -> Class.forName("isolated.Widget")).isInstanceOf(ClassNotFoundException.class);
    }

    private static void assertBadInput(EntitySource source, String... phrases) {
        assertThatThrownBy(() -> new EntityMapping().read(source))
                .isInstanceOfSatisfying(DriftgateException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
                    assertThat(e.getMessage()).contains(phrases);
                });
    }

    /** Compiles sources (one type each) against jakarta.persistence into {@code out}. */
    private static Path compile(Path out, String... sources) throws IOException, URISyntaxException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path src = Files.createDirectories(out.resolveSibling(out.getFileName() + "-src"));
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-cp",
                Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
        for (String source : sources) {
            String name = source.replaceAll("(?s).*public class (\\w+).*", "$1");
            args.add(Files.writeString(src.resolve(name + ".java"), source).toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(status).as("javac: %s", errors).isZero();
        return out;
    }

    private static void zip(Path root, String prefix, Path jar) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(root.resolve(prefix))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
