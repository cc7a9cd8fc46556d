package io.driftgate.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the statements of a migration script that change data or run code, which the schema alone can
 * never prove applied. It classifies, it does not execute: comments, string literals and dollar-quoted
 * bodies are blanked out, then each statement's leading keyword is looked at.
 */
public final class DataChangeDetector {

    private static final Set<String> DATA_STATEMENTS = Set.of("insert", "update", "delete", "merge", "copy", "truncate", "do", "call");
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");
    /** A SELECT that calls a function may do anything (setval, a user function); a plain one changes nothing. */
    private static final Pattern SELECT_WITH_CALL = Pattern.compile("^select\\b.*\\b[a-z_][a-z0-9_.]*\\s*\\(", Pattern.DOTALL);

    private DataChangeDetector() {
    }

    /** One statement that changes data: its leading keyword, the line it starts on, and its text as written. */
    public record DataStatement(String keyword, int line, String sql) {
    }

    public static List<DataStatement> dataStatements(String script) {
        String text = blankOut(script);
        List<DataStatement> found = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ';') {
                String statement = text.substring(start, i).strip().toLowerCase(Locale.ROOT);
                if (!statement.isEmpty()) {
                    String keyword = statement.split("[\\s(]+", 2)[0];
                    int line = 1 + (int) script.substring(0, start + leadingWhitespace(text, start)).chars().filter(ch -> ch == '\n').count();
                    if (DATA_STATEMENTS.contains(keyword) || keyword.equals("select") && SELECT_WITH_CALL.matcher(statement).find()) {
                        found.add(new DataStatement(keyword.toUpperCase(Locale.ROOT), line, script.substring(start, i).strip()));
                    } else if (keyword.equals("with") && statement.matches("(?s).*\\b(insert|update|delete)\\b.*")) {
                        found.add(new DataStatement("WITH … " + dmlIn(statement), line, script.substring(start, i).strip()));
                    }
                }
                start = i + 1;
            }
        }
        return List.copyOf(found);
    }

    private static String dmlIn(String statement) {
        Matcher m = Pattern.compile("\\b(insert|update|delete)\\b").matcher(statement);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "DML";
    }

    private static int leadingWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** Same length and line breaks as the script, with comments, literals and dollar-quoted bodies replaced by spaces. */
    static String blankOut(String script) {
        StringBuilder out = new StringBuilder(script);
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            if (c == '-' && script.startsWith("--", i)) {
                end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
            } else if (c == '/' && script.startsWith("/*", i)) {
                end = script.indexOf("*/", i + 2);
                end = end < 0 ? script.length() : end + 2;
            } else if (c == '\'' || c == '"') {
                end = i + 1;
                while (end < script.length() && !(script.charAt(end) == c && !(end + 1 < script.length() && script.charAt(end + 1) == c))) {
                    end += script.charAt(end) == c ? 2 : 1;
                }
                end = Math.min(script.length(), end + 1);
                if (c == '"') {
                    i = end;
                    continue;
                }
            } else if (c == '$') {
                Matcher m = DOLLAR_QUOTE.matcher(script).region(i, script.length());
                if (!m.lookingAt()) {
                    i++;
                    continue;
                }
                int close = script.indexOf(m.group(), m.end());
                end = close < 0 ? script.length() : close + m.group().length();
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
