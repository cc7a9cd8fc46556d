package io.driftgate.read.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into top-level statements for {@link ClusterWideStatements}: comments dropped,
 * string literals and dollar-quoted bodies kept aside (a statement's text shows them as {@code ''} and
 * {@code $$}), each statement with the line it starts on. Not a parser: just enough to find a statement's
 * leading words and the code inside function bodies without being fooled by comments or quotes.
 */
final class SqlStatements {

    /** Text inside quotes, with the line it starts on; {@code dollar} for $tag$ bodies (code, usually). */
    record Quoted(String text, int line, boolean dollar) {
    }

    /** One statement: its text without comments and quoted content, uppercase-insensitive matching is the caller's. */
    record Statement(String text, int line, List<Quoted> quoted) {
        Statement {
            quoted = List.copyOf(quoted);
        }
    }

    private SqlStatements() {
    }

    static List<Statement> split(String sql) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Quoted> quoted = new ArrayList<>();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                // PostgreSQL block comments nest
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        line += sql.charAt(i) == '\n' ? 1 : 0;
                        i++;
                    }
                } while (depth > 0 && i < n);
                text.append(' ');
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (c == ';') {
                add(statements, text, startLine, quoted);
                text.setLength(0);
                quoted = new ArrayList<>();
                startLine = -1;
                i++;
                continue;
            }
            if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_');
                int end = endOfString(sql, i + 1, escapes);
                String body = sql.substring(i + 1, Math.max(i + 1, end - 1));
                quoted.add(new Quoted(body, line, false));
                line += count(body, '\n');
                text.append("''");
                i = end;
                continue;
            }
            if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n : end + 1;
                String identifier = sql.substring(i, end);
                line += count(identifier, '\n');
                text.append(identifier);
                i = end;
                continue;
            }
            if (c == '$') {
                String tag = dollarTag(sql, i);
                if (!tag.isEmpty()) {
                    int close = sql.indexOf(tag, i + tag.length());
                    int bodyEnd = close < 0 ? n : close;
                    String body = sql.substring(i + tag.length(), bodyEnd);
                    quoted.add(new Quoted(body, line, true));
                    line += count(body, '\n');
                    text.append("$$");
                    i = close < 0 ? n : close + tag.length();
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        add(statements, text, startLine, quoted);
        return List.copyOf(statements);
    }

    private static void add(List<Statement> statements, StringBuilder text, int line, List<Quoted> quoted) {
        String collapsed = text.toString().strip().replaceAll("\\s+", " ");
        if (!collapsed.isEmpty()) {
            statements.add(new Statement(collapsed, line, quoted));
        }
    }

    /** Index just past the closing quote ({@code ''} is a quote inside; {@code \'} too in E'' strings). */
    private static int endOfString(String sql, int from, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or empty when {@code $} starts no dollar quote ($1, a$b). */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return "";
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return "";
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : "";
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }
}
