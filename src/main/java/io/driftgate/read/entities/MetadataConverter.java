package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Hibernate's relational model ({@code Metadata.getDatabase()}) into a {@link SchemaModel}, with names
 * as PostgreSQL would store them (unquoted names folded to lower case).
 *
 * <p>Constraint names are informational. Names the mapping gives explicitly are kept; names Hibernate
 * invents ({@code FK…}/{@code UK…} hashes) or leaves empty are replaced by the names PostgreSQL gives an
 * unnamed constraint ({@code candidate_pkey}, {@code candidate_user_id_key}, {@code candidate_user_id_fkey},
 * {@code candidate_status_check}), so a report reads naturally and often matches the migrations.
 *
 * <p>Check constraints keep Hibernate's expression text ({@code status in ('NEW','HIRED')}), which is not
 * how {@code pg_get_constraintdef} prints the same condition: compare checks leniently. Hibernate adds
 * such checks itself for enums ({@code @Enumerated}: {@code in (…)} for STRING, {@code between 0 and n} for
 * ORDINAL) and for a few other types; they carry PostgreSQL's default name {@code table_column_check}.
 */
final class MetadataConverter {

    /** Hibernate's generated constraint names: a prefix and a base-35 hash. */
    private static final Pattern GENERATED_NAME = Pattern.compile("(?i)^(FK|UK|PK|IDX)[0-9a-z]{16,}$");

    private final Metadata metadata;
    private final String defaultSchema;

    MetadataConverter(Metadata metadata, String defaultSchema) {
        this.metadata = metadata;
        this.defaultSchema = defaultSchema;
    }

    SchemaModel convert() {
        Set<String> schemas = new LinkedHashSet<>();
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            String schema = schemaOf(namespace.getPhysicalName().schema());
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView() && !table.isAbstract() && !table.isAbstractUnionTable()) {
                    schemas.add(schema);
                    tables.add(table(table));
                }
            }
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                schemas.add(schema);
                QualifiedName name = QualifiedName.of(schema, stored(sequence.getName().getSequenceName()));
                sequences.add(new Sequence(name, "bigint", sequence.getInitialValue(), sequence.getIncrementSize(),
                        1, Long.MAX_VALUE, 1, false, Optional.empty()));
            }
        }
        if (schemas.isEmpty()) {
            schemas.add(defaultSchema);
        }
        List<io.driftgate.model.EnumType> enumTypes = EnumTypes.of(metadata, defaultSchema);
        enumTypes.forEach(e -> schemas.add(e.name().schema()));
        return new SchemaModel(List.copyOf(schemas), tables, enumTypes, sequences);
    }

    private Table table(org.hibernate.mapping.Table source) {
        String tableName = stored(source.getName(), source.isQuoted());
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<String> uniqueColumns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : source.getColumns()) {
            columns.add(column(column, source));
            String columnName = columnName(column);
            List<org.hibernate.mapping.CheckConstraint> columnChecks = column.getCheckConstraints();
            for (int i = 0; i < columnChecks.size(); i++) {
                String fallback = tableName + "_" + columnName + "_check" + (i == 0 ? "" : String.valueOf(i));
                checks.add(check(columnChecks.get(i), fallback));
            }
            if (column.isUnique() && !source.isPrimaryKey(column)) {
                uniqueColumns.add(columnName);
            }
        }
        List<org.hibernate.mapping.CheckConstraint> tableChecks = source.getChecks();
        for (int i = 0; i < tableChecks.size(); i++) {
            checks.add(check(tableChecks.get(i), tableName + "_check" + (i == 0 ? "" : String.valueOf(i))));
        }
        Optional<PrimaryKey> primaryKey = Optional.ofNullable(source.getPrimaryKey())
                .filter(pk -> !pk.getColumns().isEmpty())
                // JPA has no way to name a primary key: Hibernate's name ("candidatePK") is always its own invention
                .map(pk -> new PrimaryKey(tableName + "_pkey", columnNames(pk.getColumns())));
        Table table = new Table(QualifiedName.of(schemaOf(source.getSchemaIdentifier()), tableName), columns,
                primaryKey, uniqueConstraints(source, tableName, uniqueColumns, primaryKey),
                foreignKeys(source, tableName), checks, indexes(source, tableName));
        requireKnownColumns(table);
        return table;
    }

    /**
     * {@code @Table(uniqueConstraints/indexes)} name physical columns; under the wrong naming they name
     * columns the table does not have, and Hibernate lets that pass until the DDL fails.
     */
    private static void requireKnownColumns(Table table) {
        Set<String> known = new LinkedHashSet<>();
        table.columns().forEach(c -> known.add(c.name()));
        List<String> named = new ArrayList<>();
        table.uniqueConstraints().forEach(u -> named.addAll(u.columns()));
        table.indexes().forEach(i -> i.keys().forEach(k -> named.add(k.replaceFirst(" DESC$", ""))));
        named.stream().filter(n -> !known.contains(n)).findFirst().ifPresent(missing -> {
            throw DriftgateException.badInput("The mapping of table " + table.name() + " names column " + missing
                    + " in a unique constraint or index, but the table's columns are " + String.join(", ", known)
                    + ". Check --naming (spring turns startedOn into started_on, jpa keeps startedOn) or the "
                    + "column names in @Table(uniqueConstraints/indexes).");
        });
    }

    private Column column(org.hibernate.mapping.Column source, org.hibernate.mapping.Table table) {
        ColumnDefinition definition = ColumnDefinition.parse(source.getSqlType(metadata));
        boolean identity = source.isIdentity();
        boolean nullable = source.isNullable() && !definition.notNull() && !table.isPrimaryKey(source) && !identity;
        Optional<String> defaultValue = definition.defaultValue().or(() -> Optional.ofNullable(source.getDefaultValue()));
        return new Column(columnName(source), definition.type(), nullable, defaultValue,
                identity ? Column.Identity.BY_DEFAULT : Column.Identity.NONE,
                Optional.ofNullable(source.getGeneratedAs()), Optional.ofNullable(source.getCollation()));
    }

    private List<UniqueConstraint> uniqueConstraints(org.hibernate.mapping.Table source, String tableName,
                                                     List<String> uniqueColumns, Optional<PrimaryKey> primaryKey) {
        List<UniqueConstraint> result = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        primaryKey.ifPresent(pk -> seen.add(pk.columns()));
        for (UniqueKey key : source.getUniqueKeys().values()) {
            List<String> columns = columnNames(key.getColumns());
            if (seen.add(columns)) {
                String fallback = tableName + "_" + String.join("_", columns) + "_key";
                String name = key.isNameExplicit() ? stored(key.getName()) : explicitOr(key.getName(), fallback);
                result.add(UniqueConstraint.of(name, columns));
            }
        }
        // @Column(unique = true) and to-one keys are flagged on the column, not listed as unique keys
        for (String column : uniqueColumns) {
            if (seen.add(List.of(column))) {
                result.add(UniqueConstraint.of(tableName + "_" + column + "_key", List.of(column)));
            }
        }
        return result;
    }

    private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table source, String tableName) {
        List<ForeignKey> result = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : source.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint() || key.getReferencedTable() == null) {
                continue;
            }
            org.hibernate.mapping.Table target = key.getReferencedTable();
            List<String> columns = columnNames(key.getColumns());
            List<String> targetColumns = key.isReferenceToPrimaryKey()
                    ? columnNames(target.getPrimaryKey().getColumns())
                    : columnNames(key.getReferencedColumns());
            String name = explicitOr(key.getName(), tableName + "_" + String.join("_", columns) + "_fkey");
            ForeignKey.Action onDelete = key.getOnDeleteAction() == null
                    ? ForeignKey.Action.NO_ACTION : ForeignKey.Action.valueOf(key.getOnDeleteAction().name());
            QualifiedName targetName = QualifiedName.of(schemaOf(target.getSchemaIdentifier()),
                    stored(target.getName(), target.isQuoted()));
            result.add(new ForeignKey(name, columns, targetName, targetColumns, onDelete, ForeignKey.Action.NO_ACTION,
                    false, false));
        }
        return result;
    }

    private List<Index> indexes(org.hibernate.mapping.Table source, String tableName) {
        List<Index> result = new ArrayList<>();
        for (org.hibernate.mapping.Index index : source.getIndexes().values()) {
            List<String> keys = new ArrayList<>();
            for (org.hibernate.mapping.Column column : index.getColumns()) {
                String order = index.getColumnOrderMap().get(column);
                boolean descending = order != null && order.trim().toLowerCase(Locale.ROOT).startsWith("desc");
                keys.add(columnName(column) + (descending ? " DESC" : ""));
            }
            String fallback = tableName + "_" + String.join("_", columnNames(index.getColumns())) + "_idx";
            result.add(Index.on(explicitOr(index.getName(), fallback), index.isUnique(), keys));
        }
        return result;
    }

    private static CheckConstraint check(org.hibernate.mapping.CheckConstraint check, String fallback) {
        String name = check.isNamed() ? stored(check.getName()) : fallback;
        return new CheckConstraint(name, check.getConstraint().trim());
    }

    private String schemaOf(Identifier schema) {
        return schema == null ? defaultSchema : stored(schema.getText(), schema.isQuoted());
    }

    private static List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(MetadataConverter::columnName).toList();
    }

    private static String columnName(org.hibernate.mapping.Column column) {
        return stored(column.getName(), column.isQuoted());
    }

    /** A name Hibernate generated (or none) is replaced by PostgreSQL's default name for the constraint. */
    private static String explicitOr(String name, String fallback) {
        return name == null || name.isBlank() || GENERATED_NAME.matcher(name).matches() ? fallback : stored(name);
    }

    private static String stored(Identifier identifier) {
        return stored(identifier.getText(), identifier.isQuoted());
    }

    private static String stored(String name) {
        return Identifier.isQuoted(name) ? Identifier.unQuote(name) : name.toLowerCase(Locale.ROOT);
    }

    /** PostgreSQL folds unquoted identifiers to lower case and keeps quoted ones as written. */
    private static String stored(String name, boolean quoted) {
        return quoted ? name : stored(name);
    }
}
