package io.driftgate.db;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * libpq connection URIs, {@code postgres[ql]://user:password@host:port,host2:port/db?params}, as Render,
 * Heroku and most hosts hand them out, turned into a JDBC URL without credentials.
 */
final class LibpqUri {

    private LibpqUri() {
    }

    static boolean matches(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgres://") || lower.startsWith("postgresql://");
    }

    static DatabaseUrl.Parts parse(String text) {
        Authority authority = Authority.parse(text.substring(text.indexOf("://") + 3));
        String rest = authority.rest();
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> params = q < 0 ? Map.of() : QueryParams.libpq(rest.substring(q + 1));
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.indexOf('/') >= 0) {
            throw new DatabaseUrl.InvalidUrlException("the database name in the URL contains a raw '/': percent-encode it as %2F");
        }
        database = UrlText.decodeStrict(database, "database name");
        Optional<String> user = authority.user();
        Optional<String> password = authority.password();
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("password")) {
                password = Optional.of(e.getValue()).filter(s -> !s.isEmpty());
            } else if (key.equals("user")) {
                user = Optional.of(e.getValue()).filter(s -> !s.isEmpty());
            } else if (key.equals("dbname")) {
                database = e.getValue();
            } else {
                kept.put(e.getKey(), e.getValue());
            }
        }
        String hosts = authority.hosts().isEmpty() ? "localhost" : authority.hosts();
        return new DatabaseUrl.Parts(DatabaseUrl.jdbc(hosts, database, kept), user, password);
    }
}
