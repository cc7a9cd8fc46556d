package io.driftgate.db;

import org.postgresql.Driver;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code jdbc:postgresql:…} URLs, read by pgjdbc's own {@link Driver#parseURL}, plus the
 * {@code user:password@} form pgjdbc does not know (taken out first, as credentials). The URL handed on
 * is rebuilt from what pgjdbc read, without user and password.
 */
final class PgjdbcUrl {

    static final String PREFIX = "jdbc:postgresql:";

    private PgjdbcUrl() {
    }

    static boolean matches(String text) {
        return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static DatabaseUrl.Parts parse(String text) {
        String body = text.substring(PREFIX.length());
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String withoutCredentials;
        String rest;
        if (body.startsWith("//")) {
            Authority authority = Authority.parse(body.substring(2));
            user = authority.user();
            password = authority.password();
            rest = authority.rest();
            withoutCredentials = PREFIX + "//" + authority.hosts() + rest;
        } else {
            if (body.indexOf('#') >= 0) {
                throw new DatabaseUrl.InvalidUrlException("the URL contains a raw '#'; if it is in the password, percent-encode it as %23");
            }
            rest = body.substring(Math.max(0, Authority.indexOfAny(body, "?")));
            withoutCredentials = PREFIX + body;
        }
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        if (q >= 0) {
            // registers the password values and checks their escapes before pgjdbc (which logs URLs) sees them
            QueryParams.checkForPgjdbc(rest.substring(q + 1));
        }
        if (path.indexOf('/', 1) >= 0) {
            throw new DatabaseUrl.InvalidUrlException("the database name in the URL contains a raw '/': percent-encode it as %2F");
        }
        Properties read = Driver.parseURL(withoutCredentials, new Properties());
        if (read == null) {
            throw new DatabaseUrl.InvalidUrlException("pgjdbc cannot read this URL; expected "
                    + "jdbc:postgresql://host:port/database?param=value");
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : read.stringPropertyNames()) {
            String value = read.getProperty(key);
            switch (key.toLowerCase(Locale.ROOT)) {
                case "password" -> password = Optional.of(value).filter(s -> !s.isEmpty());
                case "user" -> user = Optional.of(value).filter(s -> !s.isEmpty());
                case "pghost", "pgport", "pgdbname" -> {
                    // rebuilt below
                }
                default -> params.put(key, value);
            }
        }
        return new DatabaseUrl.Parts(DatabaseUrl.jdbc(hosts(read), read.getProperty("PGDBNAME", ""), params), user, password);
    }

    /** pgjdbc keeps hosts and ports as two comma-separated lists. */
    private static String hosts(Properties read) {
        String[] hosts = read.getProperty("PGHOST", "").split(",", -1);
        String[] ports = read.getProperty("PGPORT", "").split(",", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            b.append(i == 0 ? "" : ",").append(hosts[i].isEmpty() ? "localhost" : hosts[i]);
            if (i < ports.length && !ports[i].isEmpty()) {
                b.append(':').append(ports[i]);
            }
        }
        return b.toString();
    }
}
