package io.driftgate.read.entities;

import io.driftgate.model.SchemaModel;

import java.nio.file.Path;
import java.util.List;

/** The fixture app's entities as the CLI would read them: {@code --entities target/test-classes --entity-packages io.driftgate.fixtureapp}. */
final class FixtureEntities {

    static final Path TEST_CLASSES = Path.of("target/test-classes");
    static final String PACKAGE = "io.driftgate.fixtureapp";

    private FixtureEntities() {
    }

    static EntitySource source() {
        return EntitySource.of(TEST_CLASSES).withPackages(List.of(PACKAGE));
    }

    static SchemaModel read() {
        return new EntityMapping().read(source());
    }
}
