package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.model.Sequence;
import io.driftgate.sql.Identifiers;

import java.util.List;

/** Sequence options brought to what the migrations declare; a narrower range is a hazard. */
final class SequenceSteps {

    private static final List<String> WIDTH = List.of("smallint", "integer", "bigint");

    private SequenceSteps() {
    }

    static PlanStep alter(Drift.SequenceDiffers drift) {
        Sequence e = drift.expected();
        Sequence l = drift.live();
        String sql = "ALTER SEQUENCE " + Identifiers.qualified(e.name().schema(), e.name().name())
                + " AS " + e.dataType() + " INCREMENT BY " + e.increment() + " MINVALUE " + e.minValue()
                + " MAXVALUE " + e.maxValue() + " START WITH " + e.start() + " CACHE " + e.cache()
                + (e.cycle() ? " CYCLE" : " NO CYCLE");
        PlanStep step = PlanStep.safe(sql, drift, LockLevel.NONE);
        boolean narrower = WIDTH.indexOf(e.dataType()) < WIDTH.indexOf(l.dataType())
                || e.maxValue() < l.maxValue() || e.minValue() > l.minValue();
        return narrower ? step.withHazard(Hazard.NARROWS_TYPE).withHazard(Hazard.MAY_FAIL_ON_EXISTING_DATA) : step;
    }
}
