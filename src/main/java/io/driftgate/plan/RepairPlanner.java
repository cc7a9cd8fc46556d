package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;
import io.driftgate.plan.ddl.EnumDdl;
import io.driftgate.plan.ddl.IndexDdl;
import io.driftgate.plan.ddl.SequenceDdl;
import io.driftgate.plan.ddl.TableDdl;
import io.driftgate.sql.Identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Drift → ordered plan. Objects are created before what uses them (schemas, enum types, sequences,
 * tables, columns, keys, indexes, then foreign keys once every table exists). Each step carries its
 * hazards; extra objects are only reported, and drift no DDL can provably fix is listed as unrepairable.
 */
public final class RepairPlanner {

    /** Creation order. */
    private enum Phase { SCHEMAS, TYPES, SEQUENCES, TABLES, COLUMNS, COLUMN_CHANGES, KEYS, INDEXES, FOREIGN_KEYS, OWNERSHIP }

    private RepairPlanner() {
    }

    public static RepairPlan plan(SchemaModel expected, SchemaModel live) {
        return plan(expected, live, RowEstimates.unknown());
    }

    public static RepairPlan plan(SchemaModel expected, SchemaModel live, RowEstimates rows) {
        return plan(expected, live, rows, List.of());
    }

    /** With drift the differ does not see by itself (names that matter to a migration still to run). */
    public static RepairPlan plan(SchemaModel expected, SchemaModel live, RowEstimates rows, List<Drift> more) {
        List<Drift> drift = new ArrayList<>(SchemaDiffer.diff(expected, live));
        drift.addAll(more);
        Map<Phase, List<PlanStep>> phases = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            phases.put(p, new ArrayList<>());
        }
        List<RepairPlan.Unrepairable> unrepairable = new ArrayList<>();
        for (Drift d : drift) {
            plan(d, expected, live, rows, phases, unrepairable);
        }
        List<PlanStep> steps = new ArrayList<>();
        phases.values().forEach(steps::addAll);
        return new RepairPlan(drift, steps, unrepairable);
    }

    // Java 17 has no pattern switch over sealed types; RepairPlannerTest checks every Drift kind is handled here.
    private static void plan(Drift d, SchemaModel expected, SchemaModel live, RowEstimates rows,
                             Map<Phase, List<PlanStep>> phases, List<RepairPlan.Unrepairable> unrepairable) {
        if (d instanceof Drift.Extra) {
            return;
        }
        if (d instanceof Drift.MissingSchema m) {
            phases.get(Phase.SCHEMAS).add(PlanStep.safe("CREATE SCHEMA " + Identifiers.quote(m.schema()), d, LockLevel.NONE));
        } else if (d instanceof Drift.MissingEnumType m) {
            phases.get(Phase.TYPES).add(PlanStep.safe(EnumDdl.create(m.enumType()), d, LockLevel.NONE));
        } else if (d instanceof Drift.MissingEnumLabels m) {
            phases.get(Phase.TYPES).addAll(EnumSteps.addLabels(m, live));
        } else if (d instanceof Drift.EnumOrderDiffers) {
            unrepairable.add(new RepairPlan.Unrepairable(d, "PostgreSQL cannot reorder enum labels; recreating the type "
                    + "rewrites every table that uses it. Fix by hand, or change the migration to the live order"));
        } else if (d instanceof Drift.MissingSequence m) {
            phases.get(Phase.SEQUENCES).add(PlanStep.safe(SequenceDdl.create(m.sequence()), d, LockLevel.NONE));
            SequenceDdl.ownedBy(m.sequence()).ifPresent(sql -> phases.get(Phase.OWNERSHIP).add(PlanStep.safe(sql, d, LockLevel.NONE)));
        } else if (d instanceof Drift.SequenceDiffers m) {
            phases.get(Phase.SEQUENCES).add(SequenceSteps.alter(m));
        } else if (d instanceof Drift.MissingTable m) {
            planTable(m, phases);
        } else if (d instanceof Drift.MissingColumn m) {
            phases.get(Phase.COLUMNS).add(ColumnSteps.add(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.ColumnTypeDiffers m) {
            phases.get(Phase.COLUMN_CHANGES).add(ColumnSteps.retype(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.NullabilityDiffers m) {
            phases.get(Phase.COLUMN_CHANGES).add(ColumnSteps.nullability(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.DefaultDiffers m) {
            phases.get(Phase.COLUMN_CHANGES).add(ColumnSteps.defaultValue(m));
        } else if (d instanceof Drift.IdentityDiffers || d instanceof Drift.GeneratedDiffers) {
            unrepairable.add(new RepairPlan.Unrepairable(d, "changing how PostgreSQL fills a column (identity, serial, "
                    + "generated) means dropping and re-creating its default or sequence; driftgate does not guess the "
                    + "next value. Fix by hand, then rerun"));
        } else if (d instanceof Drift.PrimaryKeyDiffers) {
            unrepairable.add(new RepairPlan.Unrepairable(d, "replacing a primary key drops the key foreign keys may depend on; fix by hand"));
        } else if (d instanceof Drift.MissingPrimaryKey m) {
            phases.get(Phase.KEYS).add(ConstraintSteps.primaryKey(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.MissingUnique m) {
            phases.get(Phase.KEYS).add(ConstraintSteps.unique(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.MissingCheck m) {
            phases.get(Phase.KEYS).add(ConstraintSteps.check(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.MissingIndex m) {
            phases.get(Phase.INDEXES).add(ConstraintSteps.index(m, liveTable(live, m.table()), rows));
        } else if (d instanceof Drift.IndexDiffers m) {
            phases.get(Phase.INDEXES).add(ConstraintSteps.replaceIndex(m, rows));
        } else if (d instanceof Drift.NameDiffers m) {
            phases.get(Phase.OWNERSHIP).add(PlanStep.safe(rename(m), d, m.objectKind().equals("index")
                    ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE).withHazard(Hazard.RENAMES_OBJECT));
        } else if (d instanceof Drift.MissingForeignKey m) {
            phases.get(Phase.FOREIGN_KEYS).add(ConstraintSteps.foreignKey(m, rows));
        } else if (d instanceof Drift.ForeignKeyDiffers m) {
            phases.get(Phase.FOREIGN_KEYS).add(ConstraintSteps.replaceForeignKey(m, rows));
        } else {
            throw new IllegalStateException("no plan for drift kind " + d.kind() + "; add it to RepairPlanner");
        }
    }

    /** A missing table: created whole (keys and checks inline), then its indexes; its foreign keys once all tables exist. */
    private static void planTable(Drift.MissingTable m, Map<Phase, List<PlanStep>> phases) {
        Table table = m.table();
        phases.get(Phase.TABLES).add(PlanStep.safe(TableDdl.create(table), m, LockLevel.NONE));
        for (Index index : table.indexes()) {
            phases.get(Phase.INDEXES).add(PlanStep.safe(IndexDdl.create(table.name(), index), m, LockLevel.NONE));
        }
        for (ForeignKey fk : table.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList()) {
            phases.get(Phase.FOREIGN_KEYS).add(PlanStep.safe(
                    io.driftgate.plan.ddl.ConstraintDdl.addForeignKey(table.name(), fk), m, LockLevel.SHARE_ROW_EXCLUSIVE));
        }
    }

    private static String rename(Drift.NameDiffers m) {
        return m.objectKind().equals("index")
                ? "ALTER INDEX " + Identifiers.qualified(m.table().schema(), m.liveName()) + " RENAME TO " + Identifiers.quote(m.expectedName())
                : "ALTER TABLE " + Identifiers.qualified(m.table().schema(), m.table().name()) + " RENAME CONSTRAINT "
                + Identifiers.quote(m.liveName()) + " TO " + Identifiers.quote(m.expectedName());
    }

    private static Table liveTable(SchemaModel live, io.driftgate.model.QualifiedName name) {
        return live.table(name).orElseThrow(() -> new IllegalStateException("drift names a table the live schema lacks: " + name));
    }
}
