package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.model.SchemaModel;
import jakarta.persistence.Entity;

import java.util.List;

/**
 * The expected schema from the application's Hibernate entities: Hibernate's boot metadata, built from a
 * classes folder or jar without a database, read into a {@link SchemaModel}.
 *
 * <p>Errors a person must fix (no such path, no entities in the packages, an entity that cannot be loaded
 * or mapped) are {@link io.driftgate.failure.DriftgateException}s with {@code BAD_INPUT}.
 */
public final class EntityMapping {

    public SchemaModel read(EntitySource source) {
        List<String> names = EntityScan.mappedClasses(source);
        try (EntityClasses classes = EntityClasses.load(source.location(), names);
             HibernateBoot boot = boot(classes, source)) {
            return new MetadataConverter(boot.metadata(), source.defaultSchema()).convert();
        }
    }

    private static HibernateBoot boot(EntityClasses classes, EntitySource source) {
        // embeddables and converters alone map no table
        if (classes.classes().stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
            throw DriftgateException.badInput(EntityScan.noEntitiesMessage(source));
        }
        return HibernateBoot.build(classes, source);
    }
}
