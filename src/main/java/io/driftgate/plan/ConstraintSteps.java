package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.model.ForeignKey;
import io.driftgate.model.Index;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.Table;
import io.driftgate.plan.ddl.ConstraintDdl;
import io.driftgate.plan.ddl.IndexDdl;
import io.driftgate.sql.Identifiers;

import java.util.List;

/** Steps for keys, checks and indexes, each with the data check that proves it can be added. */
final class ConstraintSteps {

    private ConstraintSteps() {
    }

    static PlanStep primaryKey(Drift.MissingPrimaryKey drift, Table live, RowEstimates rows) {
        List<String> columns = drift.primaryKey().columns();
        PlanStep step = PlanStep.safe(ConstraintDdl.addPrimaryKey(drift.table(), drift.primaryKey()), drift, LockLevel.ACCESS_EXCLUSIVE)
                .withCheck(DataChecksSql.noNulls(drift.table(), columns, List.of()))
                .withCheck(DataChecksSql.noDuplicates(drift.table(), columns));
        return large(step, drift.table(), rows);
    }

    static PlanStep unique(Drift.MissingUnique drift, Table live, RowEstimates rows) {
        PlanStep step = PlanStep.safe(ConstraintDdl.addUnique(drift.table(), drift.unique()), drift, LockLevel.ACCESS_EXCLUSIVE)
                .withCheck(DataChecksSql.noDuplicates(drift.table(), drift.unique().columns()));
        return large(step, drift.table(), rows);
    }

    static PlanStep foreignKey(Drift.MissingForeignKey drift, RowEstimates rows) {
        ForeignKey fk = drift.foreignKey();
        PlanStep step = PlanStep.safe(ConstraintDdl.addForeignKey(drift.table(), fk), drift, LockLevel.SHARE_ROW_EXCLUSIVE)
                .withCheck(DataChecksSql.noOrphans(drift.table(), fk.columns(), fk.referencedTable(), fk.referencedColumns()));
        return rows.isLarge(drift.table()) ? step.withHazard(Hazard.LONG_LOCK) : step;
    }

    /** Same columns and target, other actions: drop and re-add in one statement. */
    static PlanStep replaceForeignKey(Drift.ForeignKeyDiffers drift, RowEstimates rows) {
        String table = Identifiers.qualified(drift.table().schema(), drift.table().name());
        String sql = "ALTER TABLE " + table + " DROP CONSTRAINT " + Identifiers.quote(drift.live().name()) + ", "
                + "ADD " + ConstraintDdl.foreignKey(drift.expected());
        PlanStep step = PlanStep.safe(sql, drift, LockLevel.SHARE_ROW_EXCLUSIVE).withHazard(Hazard.DROPS_OBJECT);
        return rows.isLarge(drift.table()) ? step.withHazard(Hazard.LONG_LOCK) : step;
    }

    static PlanStep check(Drift.MissingCheck drift, Table live, RowEstimates rows) {
        PlanStep step = PlanStep.safe(ConstraintDdl.addCheck(drift.table(), drift.check()), drift, LockLevel.ACCESS_EXCLUSIVE)
                .withCheck(DataChecksSql.allRowsSatisfy(drift.table(), drift.check().expression(),
                        "rows in " + drift.table() + " that break CHECK (" + drift.check().expression() + ")",
                        ColumnSteps.keyOf(live)));
        return large(step, drift.table(), rows);
    }

    static PlanStep index(Drift.MissingIndex drift, Table live, RowEstimates rows) {
        Index index = drift.index();
        PlanStep step = PlanStep.safe(IndexDdl.create(drift.table(), index), drift, LockLevel.SHARE);
        if (index.unique()) {
            // keys are column names or expression text as pg_get_indexdef prints them, so both group the same way
            List<String> keys = index.keys().stream().map(k -> live.column(k).isPresent() ? Identifiers.quote(k) : k).toList();
            step = step.withCheck(DataChecksSql.noDuplicateKeys(drift.table(), keys, index.predicate()));
        }
        return large(step, drift.table(), rows);
    }

    static PlanStep replaceIndex(Drift.IndexDiffers drift, RowEstimates rows) {
        String sql = "DROP INDEX " + Identifiers.qualified(drift.table().schema(), drift.live().name()) + ";\n"
                + IndexDdl.create(drift.table(), drift.expected());
        PlanStep step = PlanStep.safe(sql, drift, LockLevel.ACCESS_EXCLUSIVE).withHazard(Hazard.DROPS_OBJECT);
        return drift.expected().unique() ? step.withHazard(Hazard.MAY_FAIL_ON_EXISTING_DATA) : step;
    }

    private static PlanStep large(PlanStep step, QualifiedName table, RowEstimates rows) {
        return rows.isLarge(table) ? step.withHazard(Hazard.LONG_LOCK) : step;
    }
}
