package io.driftgate.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code --entities --entity-packages --naming}: where the Hibernate entities are and how they are named. */
final class EntityOptions {

    /** Physical naming as the application configures it. */
    enum Naming { spring, jpa }

    @Option(names = "--entities", paramLabel = "DIR|JAR", description = "compiled entity classes: a classes folder or a jar")
    Path entities;

    @Option(names = "--entity-packages", split = ",", paramLabel = "PACKAGE",
            description = "packages to scan for @Entity classes (default: all)")
    List<String> entityPackages = List.of();

    @Option(names = "--naming", defaultValue = "spring",
            description = "physical naming: spring (CamelCaseToUnderscores, Spring Boot's default) or jpa (names as written); default: ${DEFAULT-VALUE}")
    Naming naming;
}
