package io.driftgate.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the statements of a migration that may change data or run code, which the schema alone can never
 * prove applied. It fails closed: a statement is schema-only only if it is of a kind on the allow-list
 * (CREATE, ALTER, DROP, COMMENT ON, GRANT, REVOKE, session and transaction control ...); everything else
 * ({@code UPDATE}, {@code COPY}, {@code CALL}, {@code DO}, {@code SELECT f()}, {@code EXPLAIN ANALYZE DELETE},
 * {@code PREPARE}/{@code EXECUTE}, {@code REFRESH MATERIALIZED VIEW}, anything unknown) counts as a data
 * statement. The statements are Flyway's own, as its parser split them with placeholders replaced (recorded by
 * the replay); a bare script is split by {@link SqlWords}.
 */
public final class DataChangeDetector {

    /** Statement kinds that change no row: what the schema shows is all they do. */
    private static final Set<String> SCHEMA_ONLY = Set.of("create", "alter", "drop", "comment", "grant", "revoke", "set", "reset",
            "begin", "start", "commit", "end", "rollback", "savepoint", "release", "abort", "analyze", "analyse", "vacuum", "reindex",
            "cluster", "lock", "security", "discard", "checkpoint");
    private static final Set<String> TABLE_OPTIONS = Set.of("or", "replace", "temp", "temporary", "unlogged", "global", "local");

    private DataChangeDetector() {
    }

    /** One statement that may change data: its leading keyword(s), the line it starts on (0: not found in the script), its text. */
    public record DataStatement(String keyword, int line, String sql) {

        /** For messages: {@code UPDATE at V6__x.sql:3}, or the statement's place when its line is not known. */
        public String where(String script, int ordinal) {
            return keyword + (line > 0 ? " at " + script + ":" + line : " in statement " + ordinal + " of " + script);
        }
    }

    /** The data statements of a script (split at every {@code ;} outside literals and comments). */
    public static List<DataStatement> dataStatements(String script) {
        List<DataStatement> found = new ArrayList<>();
        LineCounter lines = new LineCounter(script);
        for (SqlWords.Piece piece : SqlWords.statements(script)) {
            classify(piece.sql()).ifPresent(keyword -> found.add(new DataStatement(keyword,
                    lines.lineAt(piece.start() + leadingBlank(piece.sql())), piece.sql().strip())));
        }
        return List.copyOf(found);
    }

    /** The data statements among Flyway's statements for a migration; lines are looked up in its script text where it has them verbatim. */
    public static List<DataStatement> dataStatements(List<String> statements, String script) {
        List<DataStatement> found = new ArrayList<>();
        LineCounter lines = new LineCounter(script);
        int cursor = 0;
        for (String statement : statements) {
            String sql = statement.strip();
            int at = sql.isEmpty() ? -1 : script.indexOf(sql, cursor);
            if (at >= 0) {
                cursor = at + sql.length();
            }
            int line = at >= 0 ? lines.lineAt(at) : 0;
            classify(statement).ifPresent(keyword -> found.add(new DataStatement(keyword, line, sql)));
        }
        return List.copyOf(found);
    }

    /** The keyword to report when {@code sql} may change data; empty when it is known to be schema-only (or empty). */
    static Optional<String> classify(String sql) {
        List<SqlWords.Word> words = SqlWords.words(sql);
        if (words.isEmpty()) {
            // only comments and blanks, or something that starts with no word at all ("(SELECT …)")
            return sql.chars().anyMatch(ch -> ch == '(' || ch == '[') ? Optional.of("UNKNOWN") : Optional.empty();
        }
        String first = words.get(0).quoted() ? "" : words.get(0).text();
        if (first.equals("with")) {
            return Optional.of("WITH … " + words.stream().map(SqlWords.Word::text)
                    .filter(w -> Set.of("insert", "update", "delete", "merge").contains(w)).findFirst()
                    .map(w -> w.toUpperCase(Locale.ROOT)).orElse("SELECT"));
        }
        if (first.equals("select")) {
            return harmlessSelect(sql, words) ? Optional.empty() : Optional.of("SELECT");
        }
        if (!SCHEMA_ONLY.contains(first)) {
            return Optional.of(first.isEmpty() ? "UNKNOWN" : String.join(" ", leading(words)).toUpperCase(Locale.ROOT));
        }
        if (first.equals("create")) {
            return createThatCopiesRows(words);
        }
        if (first.equals("alter") && words.stream().anyMatch(w -> w.depth() == 0 && !w.quoted()
                && (w.text().equals("using") || w.text().equals("restart")))) {
            // ALTER COLUMN … TYPE … USING rewrites every row by an expression; RESTART moves a sequence
            return Optional.of("ALTER … " + words.stream().filter(w -> w.depth() == 0 && !w.quoted()
                    && (w.text().equals("using") || w.text().equals("restart"))).findFirst().orElseThrow().text().toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** {@code CREATE TABLE … AS} and {@code CREATE MATERIALIZED VIEW} (unless {@code WITH NO DATA}) fill rows. */
    private static Optional<String> createThatCopiesRows(List<SqlWords.Word> words) {
        int k = 1;
        while (k < words.size() && TABLE_OPTIONS.contains(words.get(k).text()) && !words.get(k).quoted()) {
            k++;
        }
        if (k >= words.size()) {
            return Optional.empty();
        }
        String kind = words.get(k).text();
        if (kind.equals("table") && words.stream().skip(k + 1).anyMatch(w -> w.depth() == 0 && !w.quoted() && w.text().equals("as"))) {
            return Optional.of("CREATE TABLE … AS");
        }
        if (kind.equals("materialized")) {
            List<String> tail = words.stream().filter(w -> w.depth() == 0).map(SqlWords.Word::text).toList();
            boolean noData = tail.size() >= 3 && tail.subList(tail.size() - 3, tail.size()).equals(List.of("with", "no", "data"));
            return noData ? Optional.empty() : Optional.of("CREATE MATERIALIZED VIEW");
        }
        return Optional.empty();
    }

    /** A SELECT that calls nothing, or pg_dump's {@code SELECT pg_catalog.set_config('search_path', '', false)}. */
    private static boolean harmlessSelect(String sql, List<SqlWords.Word> words) {
        List<String> texts = words.stream().map(SqlWords.Word::text).toList();
        if (texts.contains("into")) {
            return false; // SELECT … INTO creates and fills a table
        }
        boolean setConfig = texts.equals(List.of("select", "pg_catalog", "set_config", "false"))
                || texts.equals(List.of("select", "set_config", "false"));
        return setConfig || words.stream().allMatch(w -> w.depth() == 0) && sql.indexOf('(') < 0;
    }

    /** The leading keyword; {@code EXPLAIN ANALYZE DELETE} and {@code REFRESH MATERIALIZED VIEW} with the words that say what they do. */
    private static List<String> leading(List<SqlWords.Word> words) {
        int count = Set.of("explain", "refresh").contains(words.get(0).text()) ? 3 : 1;
        return words.stream().limit(count).filter(w -> !w.quoted() && w.depth() == 0).map(SqlWords.Word::text).toList();
    }

    private static int leadingBlank(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Line numbers by offset, in one pass over the text. */
    private static final class LineCounter {
        private final int[] lineStarts;

        LineCounter(String text) {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineAt(int offset) {
            int pos = java.util.Arrays.binarySearch(lineStarts, offset);
            return pos >= 0 ? pos + 1 : -pos - 1;
        }
    }
}
