package io.driftgate.model;

import java.util.regex.Pattern;

/**
 * Normalises a column default so that the catalog's spelling and a hand-written one compare equal:
 * {@code 'x'::text} = {@code 'x'}, {@code 'open'::public.fine_status} = {@code 'open'},
 * {@code '0'::numeric} = {@code 0}, {@code nextval('s'::regclass)} = {@code nextval('s')},
 * {@code CURRENT_TIMESTAMP} = {@code now()}.
 */
public final class DefaultExpressions {

    private static final String TYPE = "(?:\"[^\"]+\"|[a-zA-Z_][\\w$]*)(?:\\.(?:\"[^\"]+\"|[a-zA-Z_][\\w$]*))?"
            + "(?: (?:varying|precision|with time zone|without time zone))?(?:\\([^)]*\\))?(?:\\[\\])*";
    private static final Pattern LITERAL_CAST = Pattern.compile("('(?:[^']|'')*')::" + TYPE);
    private static final Pattern NUMBER_LITERAL = Pattern.compile("'(-?\\d+(?:\\.\\d+)?)'");
    private static final Pattern PARENTHESISED_NEGATIVE = Pattern.compile("^\\((-\\d+(?:\\.\\d+)?)\\)$");

    private DefaultExpressions() {
    }

    public static String normalize(String expression) {
        String text = expression.trim();
        String previous;
        do {
            previous = text;
            text = LITERAL_CAST.matcher(text).replaceAll("$1");
        } while (!text.equals(previous));
        text = PARENTHESISED_NEGATIVE.matcher(text).replaceAll("$1");
        if (NUMBER_LITERAL.matcher(text).matches()) {
            text = text.substring(1, text.length() - 1);
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("current_timestamp") || lower.equals("now()")) {
            return "now()";
        }
        if (lower.equals("true") || lower.equals("false") || lower.equals("null")) {
            return lower;
        }
        return text;
    }
}
