package io.driftgate.plan;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changing a column from one type to another costs: binary-compatible widenings are free, other
 * lossless widenings (integer → bigint, real → double precision, integer → numeric …) rewrite the table, narrowings can lose data and are checked first, anything else is unprovable.
 */
record TypeChange(Kind kind, Optional<String> fitCondition) {

    enum Kind { FREE_WIDENING, REWRITING_WIDENING, NARROWING, OTHER }

    private static final Pattern VARCHAR = Pattern.compile("^character varying(?:\\((\\d+)\\))?$");
    private static final Pattern NUMERIC = Pattern.compile("^numeric(?:\\((\\d+),(\\d+)\\))?$");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final List<String> INTEGER_MAX = List.of("32767", "2147483647", "9223372036854775807");

    /**
     * @param column the quoted column name, for the condition rows must meet to fit the new type
     */
    static TypeChange classify(String from, String to, String column) {
        Matcher fromVarchar = VARCHAR.matcher(from);
        Matcher toVarchar = VARCHAR.matcher(to);
        if ((fromVarchar.matches() || from.equals("text")) && (to.equals("text") || toVarchar.matches() && toVarchar.group(1) == null)) {
            return free();
        }
        if (fromVarchar.matches() && toVarchar.matches()) {
            int fromLength = fromVarchar.group(1) == null ? Integer.MAX_VALUE : Integer.parseInt(fromVarchar.group(1));
            int toLength = Integer.parseInt(toVarchar.group(1));
            return toLength >= fromLength ? free() : narrowing("char_length(" + column + ") <= " + toLength);
        }
        if (from.equals("text") && toVarchar.matches() && toVarchar.group(1) != null) {
            return narrowing("char_length(" + column + ") <= " + toVarchar.group(1));
        }
        Matcher fromNumeric = NUMERIC.matcher(from);
        Matcher toNumeric = NUMERIC.matcher(to);
        if (fromNumeric.matches() && toNumeric.matches()) {
            if (toNumeric.group(1) == null) {
                return free();
            }
            int toPrecision = Integer.parseInt(toNumeric.group(1));
            int toScale = Integer.parseInt(toNumeric.group(2));
            if (fromNumeric.group(1) != null && Integer.parseInt(fromNumeric.group(2)) == toScale
                    && Integer.parseInt(fromNumeric.group(1)) <= toPrecision) {
                return free();
            }
            String bound = "1" + "0".repeat(toPrecision - toScale);
            return narrowing("abs(" + column + ") < " + bound + " AND " + column + " = round(" + column + ", " + toScale + ")");
        }
        int fromRank = INTEGERS.indexOf(from);
        int toRank = INTEGERS.indexOf(to);
        if (lossless(from, fromRank, to, toNumeric)) {
            // every value has an exact image in the new type; PostgreSQL still rewrites the table
            return new TypeChange(Kind.REWRITING_WIDENING, Optional.empty());
        }
        if (fromRank >= 0 && toRank >= 0) {
            if (toRank > fromRank) {
                return new TypeChange(Kind.REWRITING_WIDENING, Optional.empty());
            }
            String max = INTEGER_MAX.get(toRank);
            return narrowing(column + " BETWEEN -" + max + " - 1 AND " + max);
        }
        return new TypeChange(Kind.OTHER, Optional.empty());
    }

    /**
     * real → double precision (every float4 is a float8); smallint → real and smallint/integer → double precision
     * (within the 24 and 53 bits of mantissa); an integer type → numeric wide enough for its largest value.
     */
    private static boolean lossless(String from, int fromRank, String to, Matcher toNumeric) {
        if (from.equals("real") && to.equals("double precision")) {
            return true;
        }
        if (fromRank >= 0 && to.equals("double precision")) {
            return fromRank <= 1;
        }
        if (fromRank == 0 && to.equals("real")) {
            return true;
        }
        if (fromRank >= 0 && toNumeric.matches()) {
            return toNumeric.group(1) == null
                    || Integer.parseInt(toNumeric.group(1)) - Integer.parseInt(toNumeric.group(2)) >= INTEGER_MAX.get(fromRank).length();
        }
        return false;
    }

    private static TypeChange free() {
        return new TypeChange(Kind.FREE_WIDENING, Optional.empty());
    }

    private static TypeChange narrowing(String fits) {
        return new TypeChange(Kind.NARROWING, Optional.of(fits));
    }
}
