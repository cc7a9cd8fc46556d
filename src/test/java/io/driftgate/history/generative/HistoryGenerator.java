package io.driftgate.history.generative;

import io.driftgate.history.generative.GeneratedHistory.Kind;
import io.driftgate.history.generative.GeneratedHistory.Migration;
import io.driftgate.history.generative.GeneratedHistory.Statement;
import io.driftgate.history.generative.SchemaState.Col;
import io.driftgate.history.generative.SchemaState.Obj;
import io.driftgate.history.generative.SchemaState.Tab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Random Flyway histories of 4 to 10 migrations: tables, columns, indexes, unique / check / foreign key
 * constraints, enum types and sequences created, altered, renamed, dropped and re-created under the same
 * names; INSERT / UPDATE / DELETE / setval data statements; some migrations of CREATE/DROP INDEX
 * CONCURRENTLY alone (Flyway 13 detects them and runs the migration outside a transaction); some in-script
 * COMMITs. The same seed always gives the same history.
 */
final class HistoryGenerator {

    private static final List<String> TYPES = List.of("integer", "bigint", "text", "varchar(20)", "boolean", "numeric(10,2)",
            "timestamptz");

    /**
     * Exclusion, counted and printed in the summary: a second index, unique or foreign key with the same
     * definition as one the table has under another name. driftgate matches indexes and unique constraints by
     * definition, not name (issue 10 finding 8, the names work): a healthy database can be refused. Two foreign keys on one
     * column are matched one to one now (fixtures/scenarios/foreign-keys-same-column-healthy).
     */
    static final String SAME_DEFINITION = "same-definition-under-another-name";

    private final Random random;
    private final SchemaState s = new SchemaState();
    private final java.util.Map<String, Integer> avoided = new java.util.TreeMap<>();
    private final List<Function<Random, Optional<Statement>>> schemaOps = List.of(
            this::createTable, this::createTable, this::addColumn, this::addColumn, this::dropColumn, this::renameColumn,
            this::widenType, this::setDefault, this::dropDefault, this::dropNotNull, this::createIndex, this::createIndex,
            this::dropIndex, this::renameIndex, this::addUnique, this::addCheck, this::addForeignKey, this::addForeignKey,
            this::dropConstraint, this::renameConstraint, this::dropTable, this::renameTable, this::createEnum,
            this::addEnumValue, this::dropEnum, this::createSequence, this::alterSequence, this::dropSequence,
            this::renameSequence);
    private final List<Function<Random, Optional<Statement>>> dataOps = List.of(this::insertRows, this::insertRows,
            this::backfill, this::deleteRows, this::setval);

    private HistoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    static GeneratedHistory generate(long seed) {
        return new HistoryGenerator(seed).history(seed);
    }

    private GeneratedHistory history(long seed) {
        int count = 4 + random.nextInt(7);
        List<Migration> migrations = new ArrayList<>();
        for (int v = 1; v <= count; v++) {
            Optional<Statement> concurrent = v > 1 && random.nextInt(8) == 0 ? concurrently() : Optional.empty();
            if (concurrent.isPresent()) {
                migrations.add(new Migration(v, "concurrently", List.of(concurrent.get()), true));
                continue;
            }
            List<Statement> statements = new ArrayList<>();
            int size = 1 + random.nextInt(4);
            for (int attempt = 0; statements.size() < size && attempt < 60; attempt++) {
                boolean data = v > 1 && random.nextInt(6) == 0;
                List<Function<Random, Optional<Statement>>> ops = data ? dataOps : schemaOps;
                ops.get(random.nextInt(ops.size())).apply(random).ifPresent(statements::add);
                if (statements.size() > 0 && statements.size() < size && random.nextInt(25) == 0) {
                    statements.add(new Statement(Kind.COMMIT, "COMMIT"));
                }
            }
            if (statements.isEmpty() || statements.stream().allMatch(x -> x.kind() == Kind.COMMIT)) {
                statements.add(createTable(random).or(() -> createSequence(random)).orElse(new Statement(Kind.SCHEMA, "CREATE TABLE IF NOT EXISTS filler (id int)")));
            }
            migrations.add(new Migration(v, "step" + v, statements, false));
        }
        return new GeneratedHistory(seed, migrations, avoided);
    }

    private <T> Optional<T> pick(List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
    }

    private Optional<String> freeRelation(List<String> pool) {
        return pick(pool.stream().filter(n -> !s.typeTaken(n)).toList());
    }

    private Optional<Map.Entry<String, Tab>> table() {
        return pick(new ArrayList<>(s.tables.entrySet()));
    }

    /** A column of some table other than id, matching {@code filter}. */
    private Optional<String[]> column(java.util.function.BiPredicate<Tab, Col> filter) {
        List<String[]> out = new ArrayList<>();
        s.tables.forEach((tn, t) -> t.columns.forEach((cn, c) -> {
            if (!cn.equals("id") && filter.test(t, c)) {
                out.add(new String[] {tn, cn});
            }
        }));
        return pick(out);
    }

    private static Statement schema(String sql) {
        return new Statement(Kind.SCHEMA, sql);
    }

    private String type() {
        List<String> types = new ArrayList<>(TYPES);
        types.addAll(s.enums.keySet());
        return types.get(random.nextInt(types.size()));
    }

    private Optional<String> literal(String type) {
        return switch (type) {
            case "integer", "bigint" -> Optional.of(String.valueOf(random.nextInt(10)));
            case "text", "varchar(20)" -> Optional.of("'x'");
            case "boolean" -> Optional.of("false");
            case "numeric(10,2)" -> Optional.of("0");
            case "timestamptz" -> Optional.of("'2020-01-01 00:00:00+00'");
            default -> Optional.empty();
        };
    }

    /** A column definition; NOT NULL only with a default, so later INSERTs of ids alone still work. */
    private String columnDefinition(Tab t, String name) {
        String type = type();
        Optional<String> dflt = random.nextInt(3) == 0 ? literal(type) : Optional.empty();
        boolean notNull = dflt.isPresent() && random.nextBoolean();
        Col c = new Col(type, notNull, dflt);
        c.filled = dflt.isPresent();
        t.columns.put(name, c);
        return name + " " + type + dflt.map(d -> " DEFAULT " + d).orElse("") + (notNull ? " NOT NULL" : "");
    }

    private Optional<Statement> createTable(Random r) {
        return freeRelation(SchemaState.TABLES).map(name -> {
            Tab t = new Tab();
            t.idKind = List.of("int", "serial", "identity").get(r.nextInt(3));
            t.columns.put("id", new Col(t.idKind.equals("int") ? "integer" : "bigint", true, Optional.empty()));
            List<String> defs = new ArrayList<>();
            defs.add(switch (t.idKind) {
                case "int" -> "id integer PRIMARY KEY";
                case "serial" -> "id bigserial PRIMARY KEY";
                default -> "id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            });
            for (String c : SchemaState.COLUMNS.subList(0, r.nextInt(4))) {
                defs.add(columnDefinition(t, c));
            }
            s.tables.put(name, t);
            return schema("CREATE TABLE " + name + " (" + String.join(", ", defs) + ")");
        });
    }

    private Optional<Statement> dropTable(Random r) {
        return pick(s.tables.keySet().stream().filter(n -> !s.referenced(n)).toList()).map(n -> {
            s.tables.remove(n);
            return schema("DROP TABLE " + n);
        });
    }

    private Optional<Statement> renameTable(Random r) {
        return table().flatMap(e -> freeRelation(SchemaState.TABLES).map(to -> {
            s.renameTable(e.getKey(), to);
            return schema("ALTER TABLE " + e.getKey() + " RENAME TO " + to);
        }));
    }

    private Optional<Statement> addColumn(Random r) {
        return table().flatMap(e -> pick(SchemaState.COLUMNS.stream().filter(c -> !e.getValue().columns.containsKey(c)).toList())
                .map(c -> schema("ALTER TABLE " + e.getKey() + " ADD COLUMN " + columnDefinition(e.getValue(), c))));
    }

    private Optional<Statement> dropColumn(Random r) {
        return column((t, c) -> true).map(tc -> {
            SchemaState.dropColumn(s.tables.get(tc[0]), tc[1]);
            return schema("ALTER TABLE " + tc[0] + " DROP COLUMN " + tc[1]);
        });
    }

    private Optional<Statement> renameColumn(Random r) {
        return column((t, c) -> true).flatMap(tc -> pick(SchemaState.COLUMNS.stream()
                .filter(c -> !s.tables.get(tc[0]).columns.containsKey(c)).toList()).map(to -> {
                    SchemaState.renameColumn(s.tables.get(tc[0]), tc[1], to);
                    return schema("ALTER TABLE " + tc[0] + " RENAME COLUMN " + tc[1] + " TO " + to);
                }));
    }

    private Optional<Statement> widenType(Random r) {
        return column((t, c) -> !SchemaState.constrained(t, "f").contains(columnName(t, c))
                && List.of("integer", "varchar(20)", "numeric(10,2)").contains(c.type)).map(tc -> {
                    Col c = s.tables.get(tc[0]).columns.get(tc[1]);
                    c.type = switch (c.type) {
                        case "integer" -> "bigint";
                        case "varchar(20)" -> r.nextBoolean() ? "varchar(40)" : "text";
                        default -> "numeric(12,2)";
                    };
                    return schema("ALTER TABLE " + tc[0] + " ALTER COLUMN " + tc[1] + " TYPE " + c.type);
                });
    }

    private static String columnName(Tab t, Col c) {
        return t.columns.entrySet().stream().filter(e -> e.getValue() == c).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private Optional<Statement> setDefault(Random r) {
        return column((t, c) -> literal(c.type).isPresent() && !SchemaState.constrained(t, "uUf").contains(columnName(t, c)))
                .map(tc -> {
                    Col c = s.tables.get(tc[0]).columns.get(tc[1]);
                    c.defaultValue = literal(c.type);
                    c.filled = true;
                    return schema("ALTER TABLE " + tc[0] + " ALTER COLUMN " + tc[1] + " SET DEFAULT " + c.defaultValue.get());
                });
    }

    private Optional<Statement> dropDefault(Random r) {
        return column((t, c) -> c.defaultValue.isPresent() && !c.notNull).map(tc -> {
            s.tables.get(tc[0]).columns.get(tc[1]).defaultValue = Optional.empty();
            return schema("ALTER TABLE " + tc[0] + " ALTER COLUMN " + tc[1] + " DROP DEFAULT");
        });
    }

    private Optional<Statement> dropNotNull(Random r) {
        return column((t, c) -> c.notNull).map(tc -> {
            s.tables.get(tc[0]).columns.get(tc[1]).notNull = false;
            return schema("ALTER TABLE " + tc[0] + " ALTER COLUMN " + tc[1] + " DROP NOT NULL");
        });
    }

    /** Whether {@code t} already has an index, unique or foreign key on exactly {@code cols} (see SAME_DEFINITION). */
    private boolean sameDefinition(Tab t, List<String> cols) {
        boolean found = t.objects.stream().anyMatch(o -> o.kind() != 'c' && o.columns().equals(cols));
        if (found) {
            avoided.merge(SAME_DEFINITION, 1, Integer::sum);
        }
        return found;
    }

    private Optional<Statement> createIndex(Random r) {
        boolean unique = r.nextInt(3) == 0;
        boolean withId = !unique && r.nextBoolean();
        return column((t, c) -> !unique || !c.filled).filter(tc -> !sameDefinition(s.tables.get(tc[0]),
                withId ? List.of("id", tc[1]) : List.of(tc[1]))).flatMap(tc -> freeRelation(SchemaState.INDEXES).map(name -> {
            Tab t = s.tables.get(tc[0]);
            List<String> cols = new ArrayList<>(List.of(tc[1]));
            if (withId) {
                cols.add(0, "id");
            }
            t.objects.add(new Obj(name, unique ? 'u' : 'i', cols, Optional.empty()));
            String where = r.nextInt(4) == 0 ? " WHERE " + tc[1] + " IS NOT NULL" : "";
            return schema("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + tc[0] + " (" + String.join(", ", cols) + ")" + where);
        }));
    }

    /** A migration of its own: CREATE or DROP INDEX CONCURRENTLY. */
    private Optional<Statement> concurrently() {
        List<String[]> plain = new ArrayList<>();
        s.tables.forEach((tn, t) -> t.objects.stream().filter(o -> o.kind() == 'i').forEach(o -> plain.add(new String[] {tn, o.name()})));
        if (!plain.isEmpty() && random.nextInt(3) == 0) {
            String[] ti = plain.get(random.nextInt(plain.size()));
            s.tables.get(ti[0]).objects.removeIf(o -> o.name().equals(ti[1]));
            return Optional.of(schema("DROP INDEX CONCURRENTLY " + ti[1]));
        }
        return column((t, c) -> true).filter(tc -> !sameDefinition(s.tables.get(tc[0]), List.of(tc[1])))
                .flatMap(tc -> freeRelation(SchemaState.INDEXES).map(name -> {
            s.tables.get(tc[0]).objects.add(new Obj(name, 'i', List.of(tc[1]), Optional.empty()));
            return schema("CREATE INDEX CONCURRENTLY " + name + " ON " + tc[0] + " (" + tc[1] + ")");
        }));
    }

    private Optional<Statement> dropIndex(Random r) {
        List<String[]> found = objects("iu");
        return pick(found).map(ti -> {
            s.tables.get(ti[0]).objects.removeIf(o -> o.name().equals(ti[1]));
            return schema("DROP INDEX " + ti[1]);
        });
    }

    private List<String[]> objects(String kinds) {
        List<String[]> found = new ArrayList<>();
        s.tables.forEach((tn, t) -> t.objects.stream().filter(o -> kinds.indexOf(o.kind()) >= 0)
                .forEach(o -> found.add(new String[] {tn, o.name()})));
        return found;
    }

    private Optional<Statement> renameIndex(Random r) {
        return pick(objects("iu")).flatMap(ti -> freeRelation(SchemaState.INDEXES).map(to -> {
            rename(s.tables.get(ti[0]), ti[1], to);
            return schema("ALTER INDEX " + ti[1] + " RENAME TO " + to);
        }));
    }

    private static void rename(Tab t, String from, String to) {
        Obj o = SchemaState.object(t, from).orElseThrow();
        t.objects.set(t.objects.indexOf(o), new Obj(to, o.kind(), o.columns(), o.references()));
    }

    private Optional<Statement> addUnique(Random r) {
        return column((t, c) -> !c.filled).filter(tc -> !sameDefinition(s.tables.get(tc[0]), List.of(tc[1])))
                .flatMap(tc -> freeRelation(SchemaState.UNIQUES).map(name -> {
            s.tables.get(tc[0]).objects.add(new Obj(name, 'U', List.of(tc[1]), Optional.empty()));
            return schema("ALTER TABLE " + tc[0] + " ADD CONSTRAINT " + name + " UNIQUE (" + tc[1] + ")");
        }));
    }

    private Optional<Statement> addCheck(Random r) {
        return column((t, c) -> c.isInt() || c.isText()).flatMap(tc -> {
            Tab t = s.tables.get(tc[0]);
            return pick(SchemaState.CHECKS.stream().filter(n -> SchemaState.object(t, n).isEmpty()).toList()).map(name -> {
                Col c = t.columns.get(tc[1]);
                t.objects.add(new Obj(name, 'c', List.of(tc[1]), Optional.empty()));
                String expr = c.isInt() ? tc[1] + " >= 0" : r.nextBoolean() ? "length(" + tc[1] + ") < 50" : tc[1] + " <> ''";
                return schema("ALTER TABLE " + tc[0] + " ADD CONSTRAINT " + name + " CHECK (" + expr + ")");
            });
        });
    }

    private Optional<Statement> addForeignKey(Random r) {
        return column((t, c) -> c.isInt() && !c.filled).filter(tc -> !sameDefinition(s.tables.get(tc[0]), List.of(tc[1])))
                .flatMap(tc -> table().flatMap(parent -> {
            Tab t = s.tables.get(tc[0]);
            return pick(SchemaState.FOREIGN_KEYS.stream().filter(n -> SchemaState.object(t, n).isEmpty()).toList()).map(name -> {
                t.objects.add(new Obj(name, 'f', List.of(tc[1]), Optional.of(parent.getKey())));
                String action = List.of("", " ON DELETE CASCADE", " ON DELETE SET NULL").get(r.nextInt(3));
                return schema("ALTER TABLE " + tc[0] + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + tc[1] + ") REFERENCES "
                        + parent.getKey() + " (id)" + action);
            });
        }));
    }

    private Optional<Statement> dropConstraint(Random r) {
        return pick(objects("Ucf")).map(ti -> {
            s.tables.get(ti[0]).objects.removeIf(o -> o.name().equals(ti[1]));
            return schema("ALTER TABLE " + ti[0] + " DROP CONSTRAINT " + ti[1]);
        });
    }

    private Optional<Statement> renameConstraint(Random r) {
        return pick(objects("Ucf")).flatMap(ti -> {
            Tab t = s.tables.get(ti[0]);
            char kind = SchemaState.object(t, ti[1]).orElseThrow().kind();
            List<String> pool = kind == 'U' ? SchemaState.UNIQUES : kind == 'c' ? SchemaState.CHECKS : SchemaState.FOREIGN_KEYS;
            return pick(pool.stream().filter(n -> kind == 'U' ? !s.typeTaken(n) : SchemaState.object(t, n).isEmpty()).toList()).map(to -> {
                rename(t, ti[1], to);
                return schema("ALTER TABLE " + ti[0] + " RENAME CONSTRAINT " + ti[1] + " TO " + to);
            });
        });
    }

    private Optional<Statement> createEnum(Random r) {
        return freeRelation(SchemaState.ENUMS).map(name -> {
            s.enums.put(name, new ArrayList<>(List.of("a", "b")));
            return schema("CREATE TYPE " + name + " AS ENUM ('a', 'b')");
        });
    }

    private Optional<Statement> addEnumValue(Random r) {
        return pick(new ArrayList<>(s.enums.keySet())).map(name -> {
            List<String> labels = s.enums.get(name);
            String label = "v" + labels.size();
            labels.add(label);
            return schema("ALTER TYPE " + name + " ADD VALUE '" + label + "'");
        });
    }

    private Optional<Statement> dropEnum(Random r) {
        return pick(s.enums.keySet().stream().filter(e -> !s.enumUsed(e)).toList()).map(name -> {
            s.enums.remove(name);
            return schema("DROP TYPE " + name);
        });
    }

    private Optional<Statement> createSequence(Random r) {
        return freeRelation(SchemaState.SEQUENCES).map(name -> {
            s.sequences.add(name);
            return schema("CREATE SEQUENCE " + name + " START WITH " + (1 + r.nextInt(100)) + " INCREMENT BY " + (1 + r.nextInt(5)));
        });
    }

    private Optional<Statement> alterSequence(Random r) {
        return pick(new ArrayList<>(s.sequences)).map(name -> schema("ALTER SEQUENCE " + name + " INCREMENT BY " + (1 + r.nextInt(9))
                + (r.nextBoolean() ? " MAXVALUE " + (1_000_000 + r.nextInt(1000)) : "")));
    }

    private Optional<Statement> dropSequence(Random r) {
        return pick(new ArrayList<>(s.sequences)).map(name -> {
            s.sequences.remove(name);
            return schema("DROP SEQUENCE " + name);
        });
    }

    private Optional<Statement> renameSequence(Random r) {
        return pick(new ArrayList<>(s.sequences)).flatMap(name -> freeRelation(SchemaState.SEQUENCES).map(to -> {
            s.sequences.remove(name);
            s.sequences.add(to);
            return schema("ALTER SEQUENCE " + name + " RENAME TO " + to);
        }));
    }

    private Optional<Statement> insertRows(Random r) {
        return table().map(e -> {
            Tab t = e.getValue();
            t.hasRows = true;
            int n = 1 + r.nextInt(4);
            if (t.idKind.equals("int")) {
                String sql = "INSERT INTO " + e.getKey() + " (id) SELECT g FROM generate_series(" + t.nextId + ", " + (t.nextId + n - 1) + ") g";
                t.nextId += n;
                return new Statement(Kind.DATA, sql);
            }
            return new Statement(Kind.DATA, "INSERT INTO " + e.getKey() + " (id) VALUES " + String.join(", ", java.util.Collections.nCopies(n, "(DEFAULT)")));
        });
    }

    /** Fills NULLs of a text or integer column from the id: unique values, within every check the generator writes. */
    private Optional<Statement> backfill(Random r) {
        return column((t, c) -> (c.isText() || c.isInt() && !SchemaState.constrained(t, "f").contains(columnName(t, c)))).map(tc -> {
            Col c = s.tables.get(tc[0]).columns.get(tc[1]);
            c.filled = true;
            String value = c.isText() ? "'v' || id" : "id";
            return new Statement(Kind.DATA, "UPDATE " + tc[0] + " SET " + tc[1] + " = " + value + " WHERE " + tc[1] + " IS NULL");
        });
    }

    private Optional<Statement> deleteRows(Random r) {
        return pick(s.tables.keySet().stream().filter(n -> s.tables.get(n).hasRows).toList())
                .map(n -> new Statement(Kind.DATA, "DELETE FROM " + n + " WHERE id % 3 = 0"));
    }

    private Optional<Statement> setval(Random r) {
        return pick(new ArrayList<>(s.sequences)).map(n -> new Statement(Kind.DATA, "SELECT setval('" + n + "', " + (200 + r.nextInt(100)) + ")"));
    }
}
