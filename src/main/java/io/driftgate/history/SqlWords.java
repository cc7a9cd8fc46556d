package io.driftgate.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A one-pass PostgreSQL lexer for what the data-change check needs: the statements of a script, and the
 * words of a statement outside comments, string literals, quoted identifiers and dollar-quoted bodies.
 * Every character is looked at once (a 5 MB script takes milliseconds). It follows PostgreSQL's rules where
 * a naive lexer goes wrong: block comments nest, {@code E'it\'s'} escapes with a backslash, a {@code $}
 * inside an identifier ({@code a$b$}) starts no dollar quote, {@code $1} is a parameter.
 */
final class SqlWords {

    /** A word outside literals: lower case unless quoted, with its parenthesis depth. */
    record Word(String text, int depth, boolean quoted) {
    }

    /** One statement of a script and the offset it starts at. */
    record Piece(String sql, int start) {
    }

    private SqlWords() {
    }

    /** The words of one statement; quoted identifiers keep their case and are marked quoted. */
    static List<Word> words(String sql) {
        List<Word> words = new ArrayList<>();
        scan(sql, words, null);
        return List.copyOf(words);
    }

    /** The script split at every {@code ;} outside literals and comments (also inside parentheses: fails towards more statements). */
    static List<Piece> statements(String script) {
        List<Piece> pieces = new ArrayList<>();
        scan(script, null, pieces);
        return List.copyOf(pieces);
    }

    private static void scan(String s, List<Word> words, List<Piece> pieces) {
        int n = s.length();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = blockCommentEnd(s, i);
            } else if (c == '\'') {
                boolean escapes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e') && (i < 2 || !wordChar(s.charAt(i - 2)));
                i = stringEnd(s, i, escapes);
            } else if (c == '"') {
                int end = quotedEnd(s, i);
                if (words != null) {
                    words.add(new Word(s.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\""), depth, true));
                }
                i = end;
            } else if (c == '$' && i + 1 < n && (s.charAt(i + 1) == '$' || wordStart(s.charAt(i + 1)))) {
                i = dollarEnd(s, i);
            } else if (wordStart(c)) {
                int end = i + 1;
                while (end < n && wordChar(s.charAt(end))) {
                    end++;
                }
                // E'…' and U&'…': the prefix letter belongs to the literal that follows
                if (words != null && !(end < n && s.charAt(end) == '\'' && end - i == 1)) {
                    words.add(new Word(s.substring(i, end).toLowerCase(Locale.ROOT), depth, false));
                }
                i = end;
            } else {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (c == ';' && pieces != null) {
                    add(pieces, s, start, i);
                    start = i + 1;
                }
                i++;
            }
        }
        if (pieces != null) {
            add(pieces, s, start, n);
        }
    }

    private static void add(List<Piece> pieces, String s, int start, int end) {
        String sql = s.substring(start, end);
        if (!sql.isBlank()) {
            pieces.add(new Piece(sql, start));
        }
    }

    /** Block comments nest in PostgreSQL: {@code /* a /* b *&#47; still comment *&#47;}. */
    private static int blockCommentEnd(String s, int i) {
        int level = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("/*", i)) {
                level++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                level--;
                i += 2;
                if (level == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int stringEnd(String s, int i, boolean backslashEscapes) {
        int n = s.length();
        int k = i + 1;
        while (k < n) {
            char c = s.charAt(k);
            if (backslashEscapes && c == '\\') {
                k += 2;
            } else if (c == '\'') {
                if (k + 1 < n && s.charAt(k + 1) == '\'') {
                    k += 2;
                } else {
                    return k + 1;
                }
            } else {
                k++;
            }
        }
        return n;
    }

    private static int quotedEnd(String s, int i) {
        int n = s.length();
        int k = i + 1;
        while (k < n) {
            if (s.charAt(k) == '"') {
                if (k + 1 < n && s.charAt(k + 1) == '"') {
                    k += 2;
                } else {
                    return k + 1;
                }
            } else {
                k++;
            }
        }
        return n;
    }

    /** {@code $tag$ … $tag$}; a {@code $} not followed by a valid tag and {@code $} is just a character. */
    private static int dollarEnd(String s, int i) {
        int n = s.length();
        int k = i + 1;
        while (k < n && s.charAt(k) != '$' && wordChar(s.charAt(k)) && s.charAt(k) != '$') {
            k++;
        }
        if (k >= n || s.charAt(k) != '$') {
            return i + 1;
        }
        String tag = s.substring(i, k + 1);
        int close = s.indexOf(tag, k + 1);
        return close < 0 ? n : close + tag.length();
    }

    private static boolean wordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean wordChar(char c) {
        return wordStart(c) || Character.isDigit(c) || c == '$';
    }
}
