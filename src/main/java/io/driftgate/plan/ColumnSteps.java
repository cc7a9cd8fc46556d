package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.model.Column;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.Table;
import io.driftgate.plan.ddl.ColumnDdl;
import io.driftgate.sql.Identifiers;

import java.util.List;
import java.util.regex.Pattern;

/** Steps for drift inside columns: add, retype, (un)set NOT NULL, change the default. */
final class ColumnSteps {

    /** Defaults PostgreSQL must evaluate per row when a column is added, which rewrites the table. */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|txid_current)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private ColumnSteps() {
    }

    static PlanStep add(Drift.MissingColumn drift, Table liveTable, RowEstimates rows) {
        Column column = drift.column();
        QualifiedName table = drift.table();
        PlanStep step = PlanStep.safe(ColumnDdl.add(table, column), drift, LockLevel.ACCESS_EXCLUSIVE);
        boolean volatileDefault = column.defaultExpression().map(d -> VOLATILE.matcher(d).find()).orElse(false);
        if (volatileDefault || column.identity() != Column.Identity.NONE || column.generatedExpression().isPresent()) {
            step = step.withHazard(Hazard.TABLE_REWRITE);
            if (rows.isLarge(table)) {
                step = step.withHazard(Hazard.LONG_LOCK);
            }
        }
        boolean filledByPostgres = column.defaultExpression().isPresent() || column.identity() != Column.Identity.NONE
                || column.generatedExpression().isPresent();
        if (!column.nullable() && !filledByPostgres) {
            step = step.withHazard(Hazard.MAY_FAIL_ON_EXISTING_DATA).withCheck(DataChecksSql.tableIsEmpty(table,
                    "NOT NULL column " + column.name() + " has no default, so " + table + " must be empty"));
        }
        return step;
    }

    static PlanStep retype(Drift.ColumnTypeDiffers drift, Table liveTable, RowEstimates rows) {
        String column = Identifiers.quote(drift.column());
        String alter = alterColumn(drift.table(), drift.column()) + " TYPE " + drift.expectedType();
        TypeChange change = TypeChange.classify(drift.liveType(), drift.expectedType(), column);
        return switch (change.kind()) {
            case FREE_WIDENING -> PlanStep.safe(alter, drift, LockLevel.ACCESS_EXCLUSIVE);
            case REWRITING_WIDENING -> rewrite(PlanStep.safe(alter, drift, LockLevel.ACCESS_EXCLUSIVE), drift.table(), rows);
            case NARROWING -> rewrite(PlanStep.safe(alter, drift, LockLevel.ACCESS_EXCLUSIVE), drift.table(), rows)
                    .withHazard(Hazard.NARROWS_TYPE).withHazard(Hazard.MAY_FAIL_ON_EXISTING_DATA)
                    .withCheck(DataChecksSql.allRowsSatisfy(drift.table(), change.fitCondition().orElseThrow(),
                            "values in " + drift.subject() + " that do not fit " + drift.expectedType(), keyOf(liveTable)));
            case OTHER -> rewrite(PlanStep.safe(alter + " USING " + column + "::" + drift.expectedType(), drift,
                    LockLevel.ACCESS_EXCLUSIVE), drift.table(), rows)
                    .withHazard(Hazard.MAY_FAIL_ON_EXISTING_DATA).withHazard(Hazard.UNPROVABLE);
        };
    }

    static PlanStep nullability(Drift.NullabilityDiffers drift, Table liveTable, RowEstimates rows) {
        if (drift.expectedNullable()) {
            return PlanStep.safe(alterColumn(drift.table(), drift.column()) + " DROP NOT NULL", drift, LockLevel.ACCESS_EXCLUSIVE);
        }
        PlanStep step = PlanStep.safe(alterColumn(drift.table(), drift.column()) + " SET NOT NULL", drift, LockLevel.ACCESS_EXCLUSIVE)
                .withCheck(DataChecksSql.noNulls(drift.table(), List.of(drift.column()), keyOf(liveTable)));
        return rows.isLarge(drift.table()) ? step.withHazard(Hazard.LONG_LOCK) : step;
    }

    static PlanStep defaultValue(Drift.DefaultDiffers drift) {
        String sql = alterColumn(drift.table(), drift.column())
                + drift.expectedDefault().map(d -> " SET DEFAULT " + d).orElse(" DROP DEFAULT");
        return PlanStep.safe(sql, drift, LockLevel.ACCESS_EXCLUSIVE);
    }

    static String alterColumn(QualifiedName table, String column) {
        return "ALTER TABLE " + Identifiers.qualified(table.schema(), table.name()) + " ALTER COLUMN " + Identifiers.quote(column);
    }

    /** Columns that name a row in messages: the primary key, if there is one. */
    static List<String> keyOf(Table table) {
        return table.primaryKey().map(pk -> pk.columns()).orElse(List.of());
    }

    private static PlanStep rewrite(PlanStep step, QualifiedName table, RowEstimates rows) {
        PlanStep rewritten = step.withHazard(Hazard.TABLE_REWRITE);
        return rows.isLarge(table) ? rewritten.withHazard(Hazard.LONG_LOCK) : rewritten;
    }
}
