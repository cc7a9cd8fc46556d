package io.driftgate.read.entities;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the application's compiled entities are and how it maps them.
 *
 * @param location         a classes folder or a jar
 * @param packages         packages to scan (sub-packages included); empty means all
 * @param naming           the application's naming strategies
 * @param defaultSchema    the schema of tables whose mapping names none
 * @param postgresMajorVersion the PostgreSQL version the dialect should target (DDL types differ slightly)
 */
public record EntitySource(Path location, List<String> packages, Naming naming, String defaultSchema,
                           int postgresMajorVersion) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final int DEFAULT_POSTGRES_MAJOR = 17;

    public EntitySource {
        Objects.requireNonNull(location, "location");
        packages = List.copyOf(packages);
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(defaultSchema, "defaultSchema");
        if (postgresMajorVersion < 10) {
            throw new IllegalArgumentException("PostgreSQL major version must be 10 or later: " + postgresMajorVersion);
        }
    }

    /** All packages, Spring naming, schema {@code public}, PostgreSQL 17. */
    public static EntitySource of(Path location) {
        return new EntitySource(location, List.of(), Naming.SPRING, DEFAULT_SCHEMA, DEFAULT_POSTGRES_MAJOR);
    }

    public EntitySource withPackages(List<String> value) {
        return new EntitySource(location, value, naming, defaultSchema, postgresMajorVersion);
    }

    public EntitySource withNaming(Naming value) {
        return new EntitySource(location, packages, value, defaultSchema, postgresMajorVersion);
    }

    public EntitySource withDefaultSchema(String value) {
        return new EntitySource(location, packages, naming, value, postgresMajorVersion);
    }

    public EntitySource withPostgresMajorVersion(int value) {
        return new EntitySource(location, packages, naming, defaultSchema, value);
    }

    /** True when {@code className} is in one of the packages (or there is no filter). */
    boolean includes(String className) {
        return packages.isEmpty() || packages.stream().anyMatch(p -> className.startsWith(p + "."));
    }
}
