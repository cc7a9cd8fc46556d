package io.driftgate.scenarios;

import org.assertj.core.api.AbstractAssert;

/**
 * {@code assertThat(result).passed()}: a failing scenario prints what differed, the drift left and the
 * whole migrate log (the plan that was applied or refused).
 */
public final class ScenarioResultAssert extends AbstractAssert<ScenarioResultAssert, ScenarioResult> {

    private ScenarioResultAssert(ScenarioResult actual) {
        super(actual, ScenarioResultAssert.class);
    }

    public static ScenarioResultAssert assertThat(ScenarioResult actual) {
        return new ScenarioResultAssert(actual);
    }

    public ScenarioResultAssert passed() {
        isNotNull();
        if (!actual.passed()) {
            failWithMessage("Scenario %s did not end as expected:%n%s", actual.name(), actual.explain());
        }
        return this;
    }

    public ScenarioResultAssert failedWith(String problemFragment) {
        isNotNull();
        if (actual.problems().stream().noneMatch(p -> p.contains(problemFragment))) {
            failWithMessage("Expected scenario %s to fail with a problem mentioning <%s>, but its problems were %s",
                    actual.name(), problemFragment, actual.problems());
        }
        return this;
    }

    public ScenarioResultAssert endedIn(String outcome) {
        isNotNull();
        if (!actual.outcome().startsWith(outcome)) {
            failWithMessage("Expected scenario %s to end in <%s>, but it ended in <%s>", actual.name(), outcome, actual.outcome());
        }
        return this;
    }
}
