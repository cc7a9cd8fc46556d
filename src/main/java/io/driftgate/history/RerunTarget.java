package io.driftgate.history;

import io.driftgate.diff.Drift;
import io.driftgate.diff.DriftScope;
import io.driftgate.model.EnumType;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The schema to repair to before a {@code --rerun} migration runs again, whole, as Flyway would: the state
 * just before it, except the objects the migration itself creates, changes or drops, which are left as the
 * live database has them. Reverting those would mean narrowing and dropping (never done), and the migration
 * is about to act on them anyway; if they are in a shape it cannot run over, PostgreSQL says so and
 * everything rolls back.
 */
final class RerunTarget {

    private RerunTarget() {
    }

    static SchemaModel before(MigrationChange rerun, SchemaModel live) {
        Set<QualifiedName> tables = new HashSet<>();
        Set<String> others = new HashSet<>();
        Stream.concat(HistoryReconciler.effects(rerun).stream(), HistoryReconciler.drops(rerun).stream()).forEach(d -> {
            Optional<QualifiedName> table = d instanceof Drift.Extra e ? ReplayPosition.owner(e, rerun.before()).or(() -> DriftScope.table(d))
                    : DriftScope.table(d);
            table.ifPresentOrElse(tables::add, () -> others.add(d.subject()));
        });
        List<Table> t = new ArrayList<>(rerun.before().tables().stream().filter(x -> !tables.contains(x.name())).toList());
        live.tables().stream().filter(x -> tables.contains(x.name())).forEach(t::add);
        List<EnumType> e = new ArrayList<>(rerun.before().enumTypes().stream().filter(x -> !touched(others, x.name())).toList());
        live.enumTypes().stream().filter(x -> touched(others, x.name())).forEach(e::add);
        List<Sequence> s = new ArrayList<>(rerun.before().sequences().stream().filter(x -> !touched(others, x.name())).toList());
        live.sequences().stream().filter(x -> touched(others, x.name())).forEach(s::add);
        return new SchemaModel(rerun.before().schemas(), t, e, s);
    }

    /** An enum label drift names {@code schema.type 'label'}; a type or sequence drift names the object. */
    private static boolean touched(Set<String> subjects, QualifiedName name) {
        String n = name.toString();
        return subjects.stream().anyMatch(x -> x.equals(n) || x.startsWith(n + " '"));
    }
}
