package io.driftgate.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small operations on {@code jdbc:postgresql://host:port/db?params} URLs. */
final class JdbcUrls {

    private static final Pattern SHAPE = Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?$");

    private JdbcUrls() {
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = matcher(jdbcUrl);
        return m.group(1) + "/" + UrlText.encode(database) + (m.group(3) == null ? "" : m.group(3));
    }

    static String database(String jdbcUrl) {
        Matcher m = matcher(jdbcUrl);
        return m.group(2) == null || m.group(2).isEmpty() ? "" : UrlText.decode(m.group(2));
    }

    private static Matcher matcher(String jdbcUrl) {
        Matcher m = SHAPE.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + DatabaseUrl.redact(jdbcUrl));
        }
        return m;
    }
}
