package io.driftgate.scenarios;

import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.SchemaModel;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.stream.Collectors;

/** {@code assertThat(live).isEquivalentTo(expected)}: equal but for extras, and a failure lists the drift. */
public final class SchemaAssert extends AbstractAssert<SchemaAssert, SchemaModel> {

    private SchemaAssert(SchemaModel actual) {
        super(actual, SchemaAssert.class);
    }

    public static SchemaAssert assertThat(SchemaModel actual) {
        return new SchemaAssert(actual);
    }

    /** Everything {@code expected} declares is in the actual schema, the same; extra objects are allowed. */
    public SchemaAssert isEquivalentTo(SchemaModel expected) {
        isNotNull();
        List<Drift> drift = SchemaDiffer.actionable(SchemaDiffer.diff(expected, actual));
        if (!drift.isEmpty()) {
            failWithMessage("Expected the schema to hold everything the expected schema declares, but %d thing(s) differ:%n%s",
                    drift.size(), list(drift));
        }
        return this;
    }

    /** Nothing beyond what {@code expected} declares, either. */
    public SchemaAssert hasNoExtrasComparedTo(SchemaModel expected) {
        isNotNull();
        List<Drift> extras = SchemaDiffer.diff(expected, actual).stream().filter(d -> d instanceof Drift.Extra).toList();
        if (!extras.isEmpty()) {
            failWithMessage("Expected no objects beyond the expected schema, but found:%n%s", list(extras));
        }
        return this;
    }

    private static String list(List<Drift> drift) {
        return drift.stream().map(d -> "  - " + d.kind() + ": " + d.describe()).collect(Collectors.joining(System.lineSeparator()));
    }
}
