package io.driftgate.plan.ddl;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.EnumType;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.PrimaryKey;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;
import io.driftgate.sql.Identifiers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Builds a random, valid schema model, spelled the way the catalog reader reports it (so that a
 * round trip through PostgreSQL must give back an equal model).
 */
public final class RandomSchemaModels {

    // quoted, mixed-case, reserved, non-ASCII and plain names; none with ' or a leading _
    private static final List<String> NAMES = List.of("order", "user", "Select", "Mixed Case", "größe", "日本",
            "two words", "table", "Group", "a-b", "candidate", "fine", "x", "status", "Ünï", "check", "default");
    private static final List<String> SCHEMAS = List.of("Fines App", "billing", "Ünïcode", "order");
    private static final List<String> LABELS = List.of("open", "paid", "it's", "Grüße", "two words", "", "ÖK");
    private static final List<String> SCALARS = List.of("integer", "bigint", "smallint", "text",
            "character varying(40)", "boolean", "numeric(10,2)", "timestamp with time zone", "date", "uuid", "jsonb");

    private final Random random;

    private RandomSchemaModels(Random random) {
        this.random = random;
    }

    public static SchemaModel generate(Random random) {
        return new RandomSchemaModels(random).model();
    }

    private SchemaModel model() {
        List<String> schemas = new ArrayList<>(List.of("public"));
        if (random.nextBoolean()) {
            schemas.add(pick(SCHEMAS));
        }
        List<EnumType> enums = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (String schema : schemas) {
            Set<String> used = new HashSet<>(); // tables, types, sequences and indexes share one namespace
            for (int i = random.nextInt(3); i > 0; i--) {
                enums.add(new EnumType(QualifiedName.of(schema, unique(used, NAMES)), labels()));
            }
            for (int i = random.nextInt(2); i > 0; i--) {
                sequences.add(sequence(QualifiedName.of(schema, unique(used, NAMES)), Optional.empty()));
            }
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                tables.add(table(QualifiedName.of(schema, unique(used, NAMES)), used, enums, sequences, tables));
            }
        }
        return new SchemaModel(schemas, tables, enums, sequences);
    }

    private Table table(QualifiedName name, Set<String> used, List<EnumType> enums, List<Sequence> sequences,
                        List<Table> earlier) {
        Set<String> columnNames = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            columns.add(column(unique(columnNames, NAMES), enums));
        }
        if (random.nextInt(4) == 0) { // a serial-style column: own sequence, nextval default
            QualifiedName seq = QualifiedName.of(name.schema(), unique(used, NAMES));
            String column = unique(columnNames, NAMES);
            sequences.add(sequence(seq, Optional.of(new Sequence.ColumnRef(name, column))));
            columns.add(Column.of(column, "bigint", false)
                    .withDefault("nextval(" + Identifiers.literal(Identifiers.qualified(seq.schema(), seq.name())) + ")"));
        }
        if (random.nextInt(4) == 0) {
            columns.add(Column.of(unique(columnNames, NAMES), pick(List.of("integer", "bigint")), false)
                    .withIdentity(random.nextBoolean() ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT));
        }
        Optional<Column> number = columns.stream()
                .filter(c -> c.type().equals("integer") && c.generatedExpression().isEmpty()).findFirst();
        if (number.isPresent() && random.nextBoolean()) {
            columns.add(new Column(unique(columnNames, NAMES), "integer", true, Optional.empty(), Column.Identity.NONE,
                    Optional.of("(" + Identifiers.quote(number.get().name()) + " * 2)"), Optional.empty()));
        }
        List<String> plain = columns.stream().filter(c -> c.generatedExpression().isEmpty()).map(Column::name).toList();
        Table table = Table.of(name, columns);
        if (random.nextBoolean()) {
            List<String> key = some(plain, 2);
            table = table.withColumns(columns.stream().map(c -> key.contains(c.name()) ? c.withNullable(false) : c)
                    .toList()).withPrimaryKey(new PrimaryKey(unique(used, NAMES), key));
        }
        List<String> uniqueColumns = some(plain, 2);
        boolean samePrimaryKey = table.primaryKey().map(k -> Set.copyOf(k.columns()).equals(Set.copyOf(uniqueColumns)))
                .orElse(false);
        if (random.nextInt(3) == 0 && !samePrimaryKey) { // CREATE TABLE silently drops a UNIQUE equal to the key
            table = table.withUniqueConstraints(List.of(UniqueConstraint.of(unique(used, NAMES), uniqueColumns)));
        }
        if (number.isPresent() && random.nextInt(3) == 0) {
            table = table.withChecks(List.of(new CheckConstraint(unique(used, NAMES),
                    "((" + Identifiers.quote(number.get().name()) + " > 0))")));
        }
        table = withForeignKey(table, columnNames, used, earlier);
        return table.withIndexes(indexes(table, used));
    }

    private Table withForeignKey(Table table, Set<String> columnNames, Set<String> used, List<Table> earlier) {
        List<Table> targets = earlier.stream().filter(t -> t.primaryKey().isPresent()).toList();
        if (targets.isEmpty() || random.nextBoolean()) {
            return table;
        }
        Table target = pick(targets);
        List<String> targetColumns = target.primaryKey().orElseThrow().columns();
        List<Column> columns = new ArrayList<>(table.columns());
        List<String> fkColumns = new ArrayList<>();
        for (String targetColumn : targetColumns) {
            String type = target.column(targetColumn).orElseThrow().type();
            String column = unique(columnNames, NAMES);
            columns.add(Column.of(column, type, true));
            fkColumns.add(column);
        }
        List<ForeignKey.Action> actions = List.of(ForeignKey.Action.values());
        boolean deferrable = random.nextBoolean();
        ForeignKey key = new ForeignKey(unique(used, NAMES), fkColumns, target.name(), targetColumns,
                pick(actions), pick(actions), deferrable, deferrable && random.nextBoolean());
        return table.withColumns(columns).withForeignKeys(List.of(key));
    }

    private List<Index> indexes(Table table, Set<String> used) {
        List<Index> indexes = new ArrayList<>();
        List<Column> columns = table.columns();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<String> keys = new ArrayList<>(some(columns.stream().map(Column::name).toList(), 2));
            columns.stream().filter(c -> c.type().equals("text") && c.collation().isEmpty()).findAny()
                    .filter(c -> random.nextBoolean())
                    .ifPresent(c -> keys.add("lower(" + Identifiers.quote(c.name()) + ")"));
            List<String> include = columns.stream().map(Column::name).filter(c -> !keys.contains(c))
                    .filter(c -> random.nextInt(3) == 0).limit(1).toList();
            Optional<String> predicate = random.nextBoolean() ? Optional.empty()
                    : Optional.of(Identifiers.quote(pick(columns).name()) + " IS NOT NULL");
            indexes.add(new Index(unique(used, NAMES), random.nextBoolean(), "btree", keys, include, predicate));
        }
        return indexes;
    }

    private Column column(String name, List<EnumType> enums) {
        if (!enums.isEmpty() && random.nextInt(4) == 0) {
            EnumType type = pick(enums);
            Column column = Column.of(name, Identifiers.qualified(type.name().schema(), type.name().name()),
                    random.nextBoolean());
            return random.nextBoolean() ? column : column.withDefault(Identifiers.literal(pick(type.labels())));
        }
        String type = pick(SCALARS);
        Column column = Column.of(name, type, random.nextBoolean());
        if (type.equals("text") && random.nextInt(4) == 0) {
            column = new Column(name, type, column.nullable(), Optional.empty(), Column.Identity.NONE,
                    Optional.empty(), Optional.of("C"));
        }
        List<String> defaults = switch (type) {
            case "integer", "bigint", "smallint" -> List.of("0", "42", "-1");
            case "text", "character varying(40)" -> List.of("'x'", "'it''s'", "'Grüße'");
            case "boolean" -> List.of("true", "false");
            case "timestamp with time zone" -> List.of("now()");
            case "jsonb" -> List.of("'{}'");
            default -> List.of();
        };
        return defaults.isEmpty() || random.nextBoolean() ? column : column.withDefault(pick(defaults));
    }

    private Sequence sequence(QualifiedName name, Optional<Sequence.ColumnRef> ownedBy) {
        String type = ownedBy.isPresent() ? "bigint" : pick(List.of("smallint", "integer", "bigint"));
        long typeMax = switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long cache = 1 + random.nextInt(5);
        boolean cycle = random.nextBoolean();
        if (random.nextInt(3) == 0) { // counting down
            long max = -1 - random.nextInt(10);
            long min = random.nextBoolean() ? -typeMax - 1 : max - 1000;
            return new Sequence(name, type, max - random.nextInt(5), -1 - random.nextInt(3), min, max, cache, cycle,
                    ownedBy);
        }
        long min = 1 + random.nextInt(10);
        long max = random.nextBoolean() ? typeMax : min + 1000;
        return new Sequence(name, type, min + random.nextInt(5), 1 + random.nextInt(3), min, max, cache, cycle, ownedBy);
    }

    private List<String> labels() {
        List<String> pool = new ArrayList<>(LABELS);
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, 1 + random.nextInt(4)).stream().filter(l -> !l.isEmpty())
                .findFirst().map(first -> pool.subList(0, 1 + random.nextInt(4)).stream()
                        .map(l -> l.isEmpty() ? "empty" : l).distinct().toList())
                .orElse(List.of("only"));
    }

    /** A name from the pool, or with a numeric suffix once the pool's names are taken. */
    private String unique(Set<String> used, List<String> pool) {
        String name = pick(pool);
        for (int n = 2; !used.add(name); n++) {
            name = pick(pool) + (random.nextBoolean() ? "_" : " ") + n;
        }
        return name;
    }

    private List<String> some(List<String> items, int max) {
        List<String> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, 1 + random.nextInt(Math.min(max, copy.size()))));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
