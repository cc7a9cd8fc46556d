package io.driftgate.diff;

import io.driftgate.model.Column;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;

import java.util.List;
import java.util.Optional;

/**
 * Entities ↔ migrations: what the entity mapping needs that the migrations do not create. Hibernate's
 * metadata says less than DDL does, so only what it states reliably is compared: tables, columns (type,
 * NOT NULL where the entity demands it), primary, unique and foreign keys, indexes. Defaults, checks
 * (Hibernate's enum checks print differently), sequences and enum types are left to the migrations.
 */
public final class EntityDiffer {

    private EntityDiffer() {
    }

    /** Drift of the migrations relative to the entities; what only the migrations have is not drift here. */
    public static List<Drift> diff(SchemaModel entities, SchemaModel migrations) {
        SchemaModel wanted = comparable(entities);
        SchemaModel declared = comparable(migrations);
        return SchemaDiffer.diff(wanted, declared).stream()
                .filter(d -> !(d instanceof Drift.Extra) && !(d instanceof Drift.MissingSchema))
                // an entity field without nullable=false may map a NOT NULL column: the database is stricter, not wrong
                .filter(d -> !(d instanceof Drift.NullabilityDiffers n && n.expectedNullable()))
                .toList();
    }

    private static SchemaModel comparable(SchemaModel model) {
        List<Table> tables = model.tables().stream().map(t -> new Table(t.name(), t.columns().stream().map(EntityDiffer::column).toList(),
                t.primaryKey(), t.uniqueConstraints(), t.foreignKeys(), List.of(), t.indexes())).toList();
        return new SchemaModel(model.schemas(), tables, List.of(), List.of());
    }

    /** Type and nullability only; {@code timestamp(6)} is PostgreSQL's default precision, so it equals {@code timestamp}. */
    private static Column column(Column c) {
        String type = c.type().replaceFirst("^(timestamp|time)\\(6\\)", "$1");
        boolean nullable = c.nullable() && c.identity() == Column.Identity.NONE;
        return new Column(c.name(), type, nullable, Optional.empty(), Column.Identity.NONE, Optional.empty(), Optional.empty());
    }
}
