package io.driftgate.diff;

import io.driftgate.model.CheckConstraint;
import io.driftgate.model.Column;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.Table;
import io.driftgate.model.UniqueConstraint;

import java.util.List;
import java.util.Optional;

/** The drift inside one table that exists on both sides. */
final class TableDiffer {

    private TableDiffer() {
    }

    static void diff(Table expected, Table live, List<Drift> drift) {
        QualifiedName name = expected.name();
        for (Column e : expected.columns()) {
            live.column(e.name()).ifPresentOrElse(l -> diffColumn(name, e, l, drift), () -> drift.add(new Drift.MissingColumn(name, e)));
        }
        live.columns().stream().filter(l -> expected.column(l.name()).isEmpty())
                .forEach(l -> drift.add(new Drift.ExtraColumn(name, l.name())));

        expected.primaryKey().ifPresent(e -> live.primaryKey().ifPresentOrElse(
                l -> {
                    if (!l.columns().equals(e.columns())) {
                        drift.add(new Drift.PrimaryKeyDiffers(name, e, l));
                    }
                },
                () -> drift.add(new Drift.MissingPrimaryKey(name, e))));
        if (expected.primaryKey().isEmpty()) {
            live.primaryKey().ifPresent(l -> drift.add(new Drift.ExtraObject("primary key", name + " " + l.name())));
        }

        for (UniqueConstraint e : expected.uniqueConstraints()) {
            if (!hasUnique(live, e)) {
                drift.add(new Drift.MissingUnique(name, e));
            }
        }
        live.uniqueConstraints().stream().filter(l -> !hasUnique(expected, l))
                .forEach(l -> drift.add(new Drift.ExtraObject("unique constraint", name.schema() + "." + l.name())));

        diffForeignKeys(expected, live, drift);

        for (CheckConstraint e : expected.checks()) {
            if (live.checks().stream().noneMatch(l -> CheckExpressions.same(l.expression(), e.expression()))) {
                drift.add(new Drift.MissingCheck(name, e));
            }
        }
        live.checks().stream().filter(l -> expected.checks().stream().noneMatch(e -> CheckExpressions.same(e.expression(), l.expression())))
                .forEach(l -> drift.add(new Drift.ExtraObject("check constraint", name.schema() + "." + l.name())));

        diffIndexes(expected, live, drift);
    }

    private static void diffColumn(QualifiedName table, Column e, Column l, List<Drift> drift) {
        if (!e.type().equals(l.type())) {
            drift.add(new Drift.ColumnTypeDiffers(table, e.name(), e.type(), l.type()));
        }
        if (e.nullable() != l.nullable()) {
            drift.add(new Drift.NullabilityDiffers(table, e.name(), e.nullable()));
        }
        if (e.identity() != l.identity()) {
            drift.add(new Drift.IdentityDiffers(table, e.name(), e.identity(), l.identity()));
        }
        if (!e.generatedExpression().equals(l.generatedExpression())) {
            drift.add(new Drift.GeneratedDiffers(table, e.name(), e.generatedExpression(), l.generatedExpression()));
        } else if (!e.defaultExpression().equals(l.defaultExpression()) && e.identity() == l.identity()) {
            drift.add(new Drift.DefaultDiffers(table, e.name(), e.defaultExpression(), l.defaultExpression()));
        }
    }

    private static void diffIndexes(Table expected, Table live, List<Drift> drift) {
        QualifiedName name = expected.name();
        for (Index e : expected.indexes()) {
            Optional<Index> sameName = live.indexes().stream().filter(l -> l.name().equals(e.name())).findFirst();
            boolean sameDefinitionElsewhere = live.indexes().stream().anyMatch(l -> l.sameDefinitionAs(e));
            if (sameName.isPresent() && !sameName.get().sameDefinitionAs(e) && !sameDefinitionElsewhere) {
                drift.add(new Drift.IndexDiffers(name, e, sameName.get()));
            } else if (sameName.isEmpty() && !sameDefinitionElsewhere && !coveredByUnique(e, live)) {
                drift.add(new Drift.MissingIndex(name, e));
            }
        }
        live.indexes().stream()
                .filter(l -> expected.indexes().stream().noneMatch(e -> e.name().equals(l.name()) || e.sameDefinitionAs(l)))
                .forEach(l -> drift.add(new Drift.ExtraObject("index", name.schema() + "." + l.name())));
    }

    /** A unique constraint and a plain unique index on the same columns enforce the same thing. */
    private static boolean hasUnique(Table table, UniqueConstraint u) {
        return table.uniqueConstraints().stream().anyMatch(x -> x.columns().equals(u.columns()) && x.nullsNotDistinct() == u.nullsNotDistinct())
                || table.indexes().stream().anyMatch(i -> i.unique() && i.predicate().isEmpty() && i.include().isEmpty()
                && i.method().equals("btree") && i.keys().equals(u.columns()) && !u.nullsNotDistinct());
    }

    private static boolean coveredByUnique(Index index, Table live) {
        return index.unique() && index.predicate().isEmpty() && index.include().isEmpty() && index.method().equals("btree")
                && live.uniqueConstraints().stream().anyMatch(u -> u.columns().equals(index.keys()) && !u.nullsNotDistinct());
    }

    /**
     * One live key answers for one expected key: two keys on the same columns (say, one CASCADE and one NO ACTION) must
     * not both be matched to the first. Exact matches first (the same name preferred), then same columns and target.
     */
    private static void diffForeignKeys(Table expected, Table live, List<Drift> drift) {
        QualifiedName name = expected.name();
        List<ForeignKey> unmatched = new java.util.ArrayList<>(live.foreignKeys());
        List<ForeignKey> notExact = new java.util.ArrayList<>();
        for (ForeignKey e : expected.foreignKeys()) {
            Optional<ForeignKey> exact = pick(unmatched, e, f -> sameTarget(f, e) && sameBehaviour(f, e));
            exact.ifPresentOrElse(unmatched::remove, () -> notExact.add(e));
        }
        for (ForeignKey e : notExact) {
            Optional<ForeignKey> l = pick(unmatched, e, f -> sameTarget(f, e));
            l.ifPresentOrElse(f -> {
                unmatched.remove(f);
                drift.add(new Drift.ForeignKeyDiffers(name, e, f));
            }, () -> drift.add(new Drift.MissingForeignKey(name, e)));
        }
        unmatched.forEach(l -> drift.add(new Drift.ExtraObject("foreign key", name.schema() + "." + l.name())));
    }

    /** The candidate of {@code e}'s name if it qualifies, else the first that does. */
    private static Optional<ForeignKey> pick(List<ForeignKey> candidates, ForeignKey e, java.util.function.Predicate<ForeignKey> fits) {
        return candidates.stream().filter(fits).filter(f -> f.name().equals(e.name())).findFirst()
                .or(() -> candidates.stream().filter(fits).findFirst());
    }

    private static boolean sameTarget(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedTable().equals(b.referencedTable())
                && a.referencedColumns().equals(b.referencedColumns());
    }

    private static boolean sameBehaviour(ForeignKey a, ForeignKey b) {
        return a.onDelete() == b.onDelete() && a.onUpdate() == b.onUpdate() && a.deferrable() == b.deferrable()
                && a.initiallyDeferred() == b.initiallyDeferred();
    }
}
