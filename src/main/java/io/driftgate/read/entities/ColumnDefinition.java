package io.driftgate.read.entities;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a type as Hibernate reports it. With {@code @Column(columnDefinition = "…")} Hibernate
 * returns the text verbatim as the "type" and appends it to the DDL, so it may carry {@code default …},
 * {@code not null} and other column clauses after the type: split those off.
 *
 * @param type         the type alone, as written
 * @param defaultValue the {@code default} expression, when the definition has one
 * @param notNull      the definition says {@code not null}
 */
record ColumnDefinition(String type, Optional<String> defaultValue, boolean notNull) {

    /** Column clauses that may follow the type; the type ends where the first one starts. */
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s+(?=(?:default|not\\s+null|null|check|unique|primary\\s+key|references|generated|collate|constraint)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT = Pattern.compile(
            "\\bdefault\\s+(.+?)(?=\\s+(?:not\\s+null|null|check|unique|primary\\s+key|references|collate|constraint)\\b|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NULL = Pattern.compile("\\bnot\\s+null\\b", Pattern.CASE_INSENSITIVE);

    static ColumnDefinition parse(String sqlType) {
        String text = sqlType.trim();
        Matcher clause = CLAUSE.matcher(outsideQuotes(text));
        if (!clause.find()) {
            return new ColumnDefinition(text, Optional.empty(), false);
        }
        String type = text.substring(0, clause.start()).trim();
        String rest = text.substring(clause.start()).trim();
        // match on the blanked text, take the expression from the original (same positions)
        Matcher def = DEFAULT.matcher(outsideQuotes(rest));
        Optional<String> defaultValue = def.find()
                ? Optional.of(rest.substring(def.start(1), def.end(1)).trim()) : Optional.empty();
        boolean notNull = NOT_NULL.matcher(outsideQuotes(rest)).find();
        return new ColumnDefinition(type, defaultValue, notNull);
    }

    /** Blanks quoted text (same length) so keywords inside string literals are not taken for clauses. */
    private static String outsideQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
            } else {
                out.append(quoted ? ' ' : c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
