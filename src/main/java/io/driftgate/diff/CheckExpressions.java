package io.driftgate.diff;

import java.util.regex.Pattern;

/**
 * Compares CHECK expressions the way PostgreSQL means them, not the way it happens to print them:
 * {@code pg_get_constraintdef} output, parsed again, prints with other parentheses and casts
 * ({@code (ARRAY['a'::character varying])::text[]} becomes {@code ARRAY['a'::text]}). Parentheses,
 * casts and spacing are left out of the comparison; operators, names and literals are kept.
 */
final class CheckExpressions {

    private static final Pattern CAST = Pattern.compile("::\\s*(?:\"[^\"]+\"|[a-z_][a-z0-9_]*)(?:\\s+(?:varying|precision|without time zone|with time zone))?(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])*",
            Pattern.CASE_INSENSITIVE);

    private CheckExpressions() {
    }

    static boolean same(String a, String b) {
        return a.equals(b) || canonical(a).equals(canonical(b));
    }

    static String canonical(String expression) {
        String text = expression;
        String previous;
        do {
            previous = text;
            text = CAST.matcher(text).replaceAll("");
        } while (!text.equals(previous));
        return text.replaceAll("[()\\s]", "");
    }
}
