package io.driftgate.history.generative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generator's idea of the schema after the statements so far: just enough to pick statements that
 * plain Flyway can run (the test still checks every history with plain Flyway and discards what fails).
 * Names come from small pools, so objects are dropped and re-created under the same name.
 */
final class SchemaState {

    static final List<String> TABLES = List.of("t1", "t2", "t3", "t4", "t5");
    static final List<String> COLUMNS = List.of("c1", "c2", "c3", "c4", "c5");
    static final List<String> INDEXES = List.of("ix1", "ix2", "ix3", "ix4", "ix5");
    static final List<String> UNIQUES = List.of("uq1", "uq2", "uq3");
    static final List<String> CHECKS = List.of("ck1", "ck2", "ck3");
    static final List<String> FOREIGN_KEYS = List.of("fk1", "fk2", "fk3");
    static final List<String> ENUMS = List.of("e1", "e2", "e3");
    static final List<String> SEQUENCES = List.of("s1", "s2", "s3");

    /** A column: its SQL type, NOT NULL, its default literal (if any), and whether rows may hold non-NULL values. */
    static final class Col {
        String type;
        boolean notNull;
        Optional<String> defaultValue;
        boolean filled;

        Col(String type, boolean notNull, Optional<String> defaultValue) {
            this.type = type;
            this.notNull = notNull;
            this.defaultValue = defaultValue;
        }

        boolean isInt() {
            return type.equals("integer") || type.equals("bigint");
        }

        boolean isText() {
            return type.equals("text") || type.startsWith("varchar");
        }
    }

    /** kind: 'i' plain index, 'u' unique index, 'U' unique constraint, 'c' check, 'f' foreign key. */
    record Obj(String name, char kind, List<String> columns, Optional<String> references) {
        boolean relation() {
            return kind == 'i' || kind == 'u' || kind == 'U';
        }
    }

    static final class Tab {
        final LinkedHashMap<String, Col> columns = new LinkedHashMap<>();
        final List<Obj> objects = new ArrayList<>();
        /** "int" (explicit ids), "serial" or "identity". */
        String idKind;
        boolean hasRows;
        int nextId = 1;
    }

    final LinkedHashMap<String, Tab> tables = new LinkedHashMap<>();
    final LinkedHashMap<String, List<String>> enums = new LinkedHashMap<>();
    final Set<String> sequences = new HashSet<>();
    /** Relation names PostgreSQL chose for implicit objects (pkeys, serial sequences): never reused by the generator. */
    final Set<String> implicitRelations = new HashSet<>();

    /** Whether {@code name} is taken in the schema's relation namespace (tables, indexes, sequences). */
    boolean relationTaken(String name) {
        return tables.containsKey(name) || sequences.contains(name) || implicitRelations.contains(name)
                || tables.values().stream().anyMatch(t -> t.objects.stream().anyMatch(o -> o.relation() && o.name().equals(name)));
    }

    boolean typeTaken(String name) {
        return enums.containsKey(name) || relationTaken(name);
    }

    /** Tables whose foreign keys point at {@code table}. */
    boolean referenced(String table) {
        return tables.entrySet().stream().anyMatch(e -> !e.getKey().equals(table)
                && e.getValue().objects.stream().anyMatch(o -> o.references().equals(Optional.of(table))));
    }

    boolean enumUsed(String name) {
        return tables.values().stream().anyMatch(t -> t.columns.values().stream().anyMatch(c -> c.type.equals(name)));
    }

    /** Objects of {@code t} on {@code column} go with it, as PostgreSQL drops them with the column. */
    static void dropColumn(Tab t, String column) {
        t.columns.remove(column);
        t.objects.removeIf(o -> o.columns().contains(column));
    }

    static void renameColumn(Tab t, String from, String to) {
        Col c = t.columns.remove(from);
        t.columns.put(to, c);
        for (int i = 0; i < t.objects.size(); i++) {
            Obj o = t.objects.get(i);
            if (o.columns().contains(from)) {
                t.objects.set(i, new Obj(o.name(), o.kind(), o.columns().stream().map(x -> x.equals(from) ? to : x).toList(), o.references()));
            }
        }
    }

    void renameTable(String from, String to) {
        Tab t = tables.remove(from);
        tables.put(to, t);
        for (Tab other : tables.values()) {
            for (int i = 0; i < other.objects.size(); i++) {
                Obj o = other.objects.get(i);
                if (o.references().equals(Optional.of(from))) {
                    other.objects.set(i, new Obj(o.name(), o.kind(), o.columns(), Optional.of(to)));
                }
            }
        }
    }

    static Optional<Obj> object(Tab t, String name) {
        return t.objects.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Columns of {@code t} in a unique index or constraint, or a foreign key. */
    static Set<String> constrained(Tab t, String kinds) {
        Set<String> out = new HashSet<>();
        t.objects.stream().filter(o -> kinds.indexOf(o.kind()) >= 0).forEach(o -> out.addAll(o.columns()));
        return out;
    }

    Map<String, Tab> tablesView() {
        return tables;
    }
}
