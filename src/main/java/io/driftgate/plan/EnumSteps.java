package io.driftgate.plan;

import io.driftgate.diff.Drift;
import io.driftgate.model.EnumType;
import io.driftgate.model.SchemaModel;
import io.driftgate.plan.ddl.EnumDdl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Missing enum labels, added in the expected order next to a label the live type already has. */
final class EnumSteps {

    private EnumSteps() {
    }

    static List<PlanStep> addLabels(Drift.MissingEnumLabels drift, SchemaModel live) {
        EnumType expected = drift.expected();
        List<String> present = new ArrayList<>(live.enumType(expected.name()).map(EnumType::labels).orElse(List.of()));
        List<PlanStep> steps = new ArrayList<>();
        List<String> labels = expected.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (present.contains(label)) {
                continue;
            }
            Optional<String> after = neighbour(labels, present, i, -1);
            Optional<String> before = after.isPresent() ? Optional.empty() : neighbour(labels, present, i, +1);
            String sql = after.map(a -> EnumDdl.addLabelAfter(expected.name(), label, a))
                    .or(() -> before.map(b -> EnumDdl.addLabelBefore(expected.name(), label, b)))
                    .orElseGet(() -> EnumDdl.addLabel(expected.name(), label));
            present.add(after.map(a -> present.indexOf(a) + 1).or(() -> before.map(present::indexOf)).orElse(present.size()), label);
            steps.add(PlanStep.safe(sql, drift, LockLevel.NONE));
        }
        return steps;
    }

    /** The nearest label in {@code direction} from position {@code i} that the live type already has. */
    private static Optional<String> neighbour(List<String> labels, List<String> present, int i, int direction) {
        for (int j = i + direction; j >= 0 && j < labels.size(); j += direction) {
            if (present.contains(labels.get(j))) {
                return Optional.of(labels.get(j));
            }
        }
        return Optional.empty();
    }
}
