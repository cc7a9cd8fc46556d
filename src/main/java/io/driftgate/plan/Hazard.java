package io.driftgate.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a repair step may hurt. A step with any hazard is applied only when {@code --allow} names it;
 * a step with none is additive and provably safe.
 */
public enum Hazard {
    /** Drops or rewrites values (a drop, a lossy cast). Never planned without an allow. */
    DATA_LOSS("may lose data"),
    /** PostgreSQL rewrites every row of the table under an ACCESS EXCLUSIVE lock. */
    TABLE_REWRITE("rewrites the whole table under an exclusive lock"),
    /** Holds a lock that blocks writes (or reads) for as long as a scan or index build of a large table takes. */
    LONG_LOCK("holds a lock for as long as a scan of a large table takes"),
    /** Depends on the data: checked before applying, but the check cannot see rows written concurrently. */
    MAY_FAIL_ON_EXISTING_DATA("may fail on the rows already there"),
    /** The new type holds fewer values than the old one. */
    NARROWS_TYPE("narrows the type"),
    /** Drops or replaces an existing object (index, constraint, default). */
    DROPS_OBJECT("drops or replaces an existing object"),
    /** Renames an existing object, which code or scripts may refer to by its current name. */
    RENAMES_OBJECT("renames an existing object"),
    /** What the migrations want cannot be reached from the live state by DDL that is known to be right. */
    UNPROVABLE("cannot be proven right from the schema alone");

    private final String meaning;

    Hazard(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** {@code table_rewrite}, {@code TABLE-REWRITE} and {@code TABLE_REWRITE} all name the same hazard. */
    public static Optional<Hazard> parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(h -> h.name().equals(key)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
