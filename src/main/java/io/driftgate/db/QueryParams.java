package io.driftgate.db;

import io.driftgate.redact.Secrets;
import org.postgresql.PGProperty;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code ?key=value&…} part of either URL form. */
final class QueryParams {

    /** Keys whose values are secrets, whatever their case ({@code Password=} is still meant as one). */
    private static final Set<String> SECRET_KEYS = Set.of("password", "sslpassword");

    /** libpq's connection keywords; libpq itself refuses any other name in a URI. */
    private static final Set<String> LIBPQ_KEYWORDS = Set.of("host", "hostaddr", "port", "dbname", "user", "password",
            "passfile", "require_auth", "channel_binding", "connect_timeout", "client_encoding", "options",
            "application_name", "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
            "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode", "sslnegotiation",
            "sslcompression", "sslcert", "sslkey", "sslkeylogfile", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl",
            "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname",
            "gsslib", "gssdelegation", "service", "target_session_attrs", "load_balance_hosts", "ssl",
            "max_protocol_version", "min_protocol_version", "oauth_issuer", "oauth_client_id", "oauth_client_secret",
            "oauth_scope");

    private QueryParams() {
    }

    static boolean isSecretKey(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Registers every secret value (raw and decoded both ways, '+' as space as pgjdbc decodes and as '+' as
     * libpq does) before anything else may fail or log, then checks each pair has its '='.
     */
    static List<String[]> split(String raw) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (isSecretKey(lenient(key))) {
                Secrets.register(value);
                Secrets.register(lenient(value));
                Secrets.register(lenient(value.replace("+", "%2B")));
            }
            pairs.add(new String[] {key, value, eq < 0 ? null : "="});
        }
        for (String[] pair : pairs) {
            if (pair[2] == null) {
                throw new DatabaseUrl.InvalidUrlException("a query parameter in the URL has no '='; if the password "
                        + "contains a raw '&', percent-encode it as %26");
            }
            // a name no driver knows is most often the rest of a password cut at a raw '&'; so it is not shown either
            String key = lenient(pair[0]);
            if (!LIBPQ_KEYWORDS.contains(key) && !isSecretKey(key) && !key.equalsIgnoreCase("user") && PGProperty.forName(key) == null) {
                throw new DatabaseUrl.InvalidUrlException("a query parameter in the URL is neither a libpq nor a pgjdbc "
                        + "setting; check the names, and if the password contains a raw '&', percent-encode it as %26");
            }
        }
        return pairs;
    }

    /** libpq's reading: strict percent-decoding, '+' is '+'. */
    static Map<String, String> libpq(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String[] pair : split(raw)) {
            String key = UrlText.decodeStrict(pair[0], "query parameter name");
            params.put(key, UrlText.decodeStrict(pair[1], isSecretKey(key) ? "password" : "query parameter"));
        }
        return params;
    }

    /** pgjdbc decodes with {@link URLDecoder} and returns no properties at all for a bad '%'; say which part. */
    static void checkForPgjdbc(String raw) {
        for (String[] pair : split(raw)) {
            String key = lenient(pair[0]);
            checkEscapes(pair[0], "query parameter name");
            checkEscapes(pair[1], isSecretKey(key) ? "password" : "query parameter");
        }
    }

    private static void checkEscapes(String text, String part) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                throw new DatabaseUrl.InvalidUrlException("the " + part + " in the URL has a '%' not followed by two hex digits: "
                        + "write a literal '%' as %25");
            }
        }
    }

    private static String lenient(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
