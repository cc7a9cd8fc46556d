package io.driftgate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One column. {@code type} is the normalised type name ({@link TypeNames#normalize}); a {@code serial}
 * column is {@code integer} with a {@code nextval(…)} default and a sequence owned by the column.
 */
public record Column(
        String name,
        String type,
        boolean nullable,
        Optional<String> defaultExpression,
        Identity identity,
        Optional<String> generatedExpression,
        Optional<String> collation) {

    public Column {
        Objects.requireNonNull(name, "name");
        type = TypeNames.normalize(type);
        defaultExpression = defaultExpression.map(DefaultExpressions::normalize);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(generatedExpression, "generatedExpression");
        Objects.requireNonNull(collation, "collation");
    }

    /** A plain column: no default, no identity, not generated, default collation. */
    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, Optional.empty(), Identity.NONE, Optional.empty(), Optional.empty());
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, Optional.of(expression), identity, generatedExpression, collation);
    }

    public Column withIdentity(Identity value) {
        return new Column(name, type, nullable, defaultExpression, value, generatedExpression, collation);
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, defaultExpression, identity, generatedExpression, collation);
    }

    /** How PostgreSQL fills the column itself. */
    public enum Identity { NONE, ALWAYS, BY_DEFAULT }
}
