package io.driftgate.history;

import io.driftgate.diff.Drift;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keys and indexes are matched by what they are, not by name (hbm2ddl and hand-written DDL name them
 * differently), until a migration still to run refers to one by the migrations' name: then the live name
 * must become that name, or Flyway fails half-way (42704). Those are reported as {@link Drift.NameDiffers}.
 */
final class NamesThatMatter {

    private NamesThatMatter() {
    }

    static List<Drift> find(SchemaModel target, SchemaModel live, List<String> scriptsStillToRun) {
        String scripts = String.join("\n", scriptsStillToRun).toLowerCase(Locale.ROOT);
        List<Drift> found = new ArrayList<>();
        if (scripts.isBlank()) {
            return found;
        }
        for (Table t : target.tables()) {
            Optional<Table> l = live.table(t.name());
            if (l.isEmpty()) {
                continue;
            }
            Table lt = l.get();
            t.primaryKey().ifPresent(pk -> lt.primaryKey().filter(x -> x.columns().equals(pk.columns()))
                    .ifPresent(x -> add(found, scripts, t, "primary key", pk.name(), x.name())));
            for (UniqueConstraint u : t.uniqueConstraints()) {
                lt.uniqueConstraints().stream().filter(x -> x.columns().equals(u.columns())).findFirst()
                        .ifPresent(x -> add(found, scripts, t, "unique constraint", u.name(), x.name()));
            }
            for (ForeignKey f : t.foreignKeys()) {
                lt.foreignKeys().stream().filter(x -> x.columns().equals(f.columns()) && x.referencedTable().equals(f.referencedTable()))
                        .findFirst().ifPresent(x -> add(found, scripts, t, "foreign key", f.name(), x.name()));
            }
            for (Index i : t.indexes()) {
                if (lt.indexes().stream().noneMatch(x -> x.name().equals(i.name()))) {
                    lt.indexes().stream().filter(x -> x.sameDefinitionAs(i)).findFirst()
                            .ifPresent(x -> add(found, scripts, t, "index", i.name(), x.name()));
                }
            }
        }
        return List.copyOf(found);
    }

    private static void add(List<Drift> found, String scripts, Table t, String kind, String expected, String live) {
        if (!expected.equals(live) && Pattern.compile("(^|[^a-z0-9_$])\"?" + Pattern.quote(expected.toLowerCase(Locale.ROOT))
                + "\"?($|[^a-z0-9_$])").matcher(scripts).find()) {
            found.add(new Drift.NameDiffers(t.name(), kind.equals("index") ? "index" : "constraint", expected, live));
        }
    }
}
