package io.driftgate.diff;

import io.driftgate.model.EnumType;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Sequence;
import io.driftgate.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expected vs live → typed drift. Objects are matched by what they are, not by generated names:
 * tables, columns, enum types and sequences by name; keys and checks by their columns or expression;
 * indexes by name, else by definition.
 */
public final class SchemaDiffer {

    private SchemaDiffer() {
    }

    public static List<Drift> diff(SchemaModel expected, SchemaModel live) {
        List<Drift> drift = new ArrayList<>();
        expected.schemas().stream().filter(s -> !live.schemas().contains(s)).map(Drift.MissingSchema::new).forEach(drift::add);
        for (EnumType e : expected.enumTypes()) {
            live.enumType(e.name()).ifPresentOrElse(l -> diffEnum(e, l, drift), () -> drift.add(new Drift.MissingEnumType(e)));
        }
        for (Sequence s : expected.sequences()) {
            live.sequence(s.name()).ifPresentOrElse(
                    l -> {
                        if (!sameOptions(s, l)) {
                            drift.add(new Drift.SequenceDiffers(s, l));
                        }
                    },
                    () -> drift.add(new Drift.MissingSequence(s)));
        }
        for (Table t : expected.tables()) {
            Optional<Table> l = live.table(t.name());
            if (l.isPresent()) {
                TableDiffer.diff(t, l.get(), drift);
            } else {
                drift.add(new Drift.MissingTable(t));
            }
        }
        for (Table l : live.tables()) {
            if (expected.table(l.name()).isEmpty()) {
                drift.add(new Drift.ExtraTable(l.name()));
            }
        }
        for (EnumType l : live.enumTypes()) {
            if (expected.enumType(l.name()).isEmpty()) {
                drift.add(new Drift.ExtraObject("enum type", l.name().toString()));
            }
        }
        for (Sequence l : live.sequences()) {
            if (expected.sequence(l.name()).isEmpty()) {
                drift.add(new Drift.ExtraObject("sequence", l.name().toString()));
            }
        }
        return List.copyOf(drift);
    }

    /** Drift that needs or could need a change; extras left out. */
    public static List<Drift> actionable(List<Drift> drift) {
        return drift.stream().filter(d -> !(d instanceof Drift.Extra)).toList();
    }

    private static void diffEnum(EnumType expected, EnumType live, List<Drift> drift) {
        List<String> missing = expected.labels().stream().filter(l -> !live.labels().contains(l)).toList();
        if (!missing.isEmpty()) {
            drift.add(new Drift.MissingEnumLabels(expected, missing));
        }
        List<String> sharedExpected = expected.labels().stream().filter(live.labels()::contains).toList();
        List<String> sharedLive = live.labels().stream().filter(expected.labels()::contains).toList();
        if (!sharedExpected.equals(sharedLive)) {
            drift.add(new Drift.EnumOrderDiffers(expected, live));
        }
        live.labels().stream().filter(l -> !expected.labels().contains(l))
                .forEach(l -> drift.add(new Drift.ExtraObject("enum label", live.name() + " '" + l + "'")));
    }

    private static boolean sameOptions(Sequence a, Sequence b) {
        return a.dataType().equals(b.dataType()) && a.increment() == b.increment() && a.minValue() == b.minValue()
                && a.maxValue() == b.maxValue() && a.cycle() == b.cycle() && a.start() == b.start() && a.cache() == b.cache();
    }
}
