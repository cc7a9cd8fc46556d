package io.driftgate.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process's secrets (every password driftgate was given, as soon as it was read) and the one
 * redaction every printed line, log line and report passes: each secret, and each form it takes in
 * URLs, JSON and SQL text, becomes {@code ***}.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    // Shorter values would mask ordinary words everywhere; they are still cut out of URLs by the URL parser.
    static final int SHORTEST = 4;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static volatile List<String> forms = List.of();
    private static final Pattern HEX_ESCAPE = Pattern.compile("%[0-9A-F]{2}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-f]{4})");

    private Secrets() {
    }

    /** Remembers a secret (a password, as the user wrote it or as it was decoded); blank or short values are ignored. */
    public static void register(String secret) {
        if (secret == null || secret.strip().length() < SHORTEST || !SECRETS.add(secret)) {
            return;
        }
        synchronized (Secrets.class) {
            Set<String> all = new LinkedHashSet<>(forms);
            all.addAll(formsOf(secret));
            List<String> sorted = new ArrayList<>(all);
            // longest first, so an encoded form is masked whole before a shorter form inside it
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            forms = List.copyOf(sorted);
        }
    }

    /** The text with every registered secret, in every form, replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String result = text;
        for (String form : forms) {
            if (result.contains(form)) {
                result = result.replace(form, MASK);
            }
        }
        return result;
    }

    /** How many characters at the end of {@code text} could be the start of a secret (to hold back until more arrives). */
    static int pendingPrefix(CharSequence text) {
        int hold = 0;
        int length = text.length();
        for (String form : forms) {
            for (int k = Math.min(form.length() - 1, length); k > hold; k--) {
                if (endsWith(text, form, k)) {
                    hold = k;
                    break;
                }
            }
        }
        return hold;
    }

    private static boolean endsWith(CharSequence text, String form, int k) {
        int start = text.length() - k;
        for (int i = 0; i < k; i++) {
            if (text.charAt(start + i) != form.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The secret as it may be printed: raw, percent-encoded (either hex case, '+' or %20 for a space), JSON-, SQL- and XML-escaped. */
    static Set<String> formsOf(String secret) {
        Set<String> out = new LinkedHashSet<>();
        String plus = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String pct20 = plus.replace("+", "%20");
        for (String s : List.of(secret, plus, pct20, allEncoded(secret))) {
            out.add(s);
            out.add(lowerHex(s));
        }
        out.add(jsonEscaped(secret, false));
        out.add(jsonEscaped(secret, true));
        out.add(upperUnicodeEscapes(jsonEscaped(secret, true)));
        out.add(secret.replace("'", "''"));
        out.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;"));
        out.removeIf(s -> s.length() < SHORTEST);
        return out;
    }

    // every byte but unreserved ASCII as %XX, as some encoders (and users) write it
    private static String allEncoded(String secret) {
        StringBuilder b = new StringBuilder();
        for (byte x : secret.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    private static String lowerHex(String encoded) {
        Matcher m = HEX_ESCAPE.matcher(encoded);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group().toLowerCase(Locale.ROOT));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String upperUnicodeEscapes(String escaped) {
        Matcher m = UNICODE_ESCAPE.matcher(escaped);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("\\u" + m.group(1).toUpperCase(Locale.ROOT)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String jsonEscaped(String secret, boolean asciiOnly) {
        StringBuilder b = new StringBuilder();
        for (char c : secret.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
