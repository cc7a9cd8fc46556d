package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.model.EnumType;
import io.driftgate.model.SchemaModel;
import io.driftgate.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/** Missing enum labels, added in the expected order next to a label the live type already has. */
final class EnumSteps {

    private EnumSteps() {
    }

    static List<PlanStep> addLabels(Drift.MissingEnumLabels drift, SchemaModel live) {
        EnumType expected = drift.expected();
        List<String> present = new ArrayList<>(live.enumType(expected.name()).map(EnumType::labels).orElse(List.of()));
        String type = Identifiers.qualified(expected.name().schema(), expected.name().name());
        List<PlanStep> steps = new ArrayList<>();
        List<String> labels = expected.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (present.contains(label)) {
                continue;
            }
            String placement = "";
            int at = present.size();
            for (int j = i - 1; j >= 0; j--) {
                if (present.contains(labels.get(j))) {
                    placement = " AFTER " + Identifiers.literal(labels.get(j));
                    at = present.indexOf(labels.get(j)) + 1;
                    break;
                }
            }
            if (placement.isEmpty()) {
                for (int j = i + 1; j < labels.size(); j++) {
                    if (present.contains(labels.get(j))) {
                        placement = " BEFORE " + Identifiers.literal(labels.get(j));
                        at = present.indexOf(labels.get(j));
                        break;
                    }
                }
            }
            present.add(at, label);
            steps.add(PlanStep.safe("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + Identifiers.literal(label) + placement,
                    drift, LockLevel.NONE));
        }
        return steps;
    }
}
