package io.driftgate.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what users paste ({@code jdbc:postgresql://…} or libpq {@code postgres://user:pass@host:port/db?sslmode=require},
 * as Render and Heroku hand out) plus optional {@code --user}/{@code --password} and {@code PGUSER}/{@code PGPASSWORD}
 * into {@link ConnectionSettings}. Credentials are taken out of the URL, so the URL can be shown as it is.
 */
public final class DatabaseUrl {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(://[^:/@?]+:)[^@/?]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");

    private DatabaseUrl() {
    }

    /**
     * @param url      JDBC or libpq URL
     * @param user     explicit {@code --user}, wins over the URL
     * @param password explicit {@code --password}, wins over the URL
     * @param env      environment, for {@code PGUSER}/{@code PGPASSWORD}
     */
    public static ConnectionSettings parse(String url, Optional<String> user, Optional<String> password,
                                           Map<String, String> env) {
        String text = url.trim();
        Parts parts;
        if (text.startsWith("jdbc:postgresql:")) {
            parts = fromJdbc(text);
        } else if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            parts = fromLibpq(text);
        } else {
            throw new InvalidUrlException("'" + redact(text) + "' is not a PostgreSQL URL: expected "
                    + "jdbc:postgresql://host:port/db or postgres://user:password@host:port/db");
        }
        String effectiveUser = user.or(() -> parts.user).or(() -> Optional.ofNullable(env.get("PGUSER")))
                .or(() -> Optional.ofNullable(env.get("USER"))).orElse("postgres");
        Optional<String> effectivePassword = password.or(() -> parts.password)
                .or(() -> Optional.ofNullable(env.get("PGPASSWORD")));
        return new ConnectionSettings(parts.jdbcUrl, effectiveUser, effectivePassword);
    }

    /** A URL with any password replaced by {@code ***}, for messages about URLs we could not parse. */
    public static String redact(String url) {
        String once = PASSWORD_IN_URL.matcher(url).replaceAll("$1***@");
        return PASSWORD_PARAM.matcher(once).replaceAll("$1***");
    }

    private static Parts fromJdbc(String text) {
        int q = text.indexOf('?');
        String base = q < 0 ? text : text.substring(0, q);
        Map<String, String> params = q < 0 ? new LinkedHashMap<>() : query(text.substring(q + 1));
        Optional<String> user = Optional.ofNullable(params.remove("user"));
        Optional<String> password = Optional.ofNullable(params.remove("password"));
        return new Parts(base + render(params), user, password);
    }

    private static Parts fromLibpq(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("'" + redact(text) + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getRawAuthority() == null) {
            throw new InvalidUrlException("'" + redact(text) + "' names no host");
        }
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (at >= 0) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            user = Optional.of(UrlText.decode(colon < 0 ? info : info.substring(0, colon))).filter(s -> !s.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(UrlText.decode(info.substring(colon + 1)));
            authority = authority.substring(at + 1);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Map<String, String> params = uri.getRawQuery() == null ? new LinkedHashMap<>() : query(uri.getRawQuery());
        if (params.containsKey("user")) {
            user = Optional.of(params.remove("user"));
        }
        if (params.containsKey("password")) {
            password = Optional.of(params.remove("password"));
        }
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new Parts("jdbc:postgresql://" + authority + "/" + database + render(params), user, password);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = UrlText.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UrlText.decode(pair.substring(eq + 1));
            params.put(key, value);
        }
        return params;
    }

    private static String render(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(UrlText.encode(k) + "=" + UrlText.encode(v)));
        return "?" + String.join("&", pairs);
    }

    private record Parts(String jdbcUrl, Optional<String> user, Optional<String> password) {
    }

    /** The URL given cannot be used; the message says why and never contains the password. */
    public static final class InvalidUrlException extends IllegalArgumentException {
        public InvalidUrlException(String message) {
            super(message);
        }
    }
}
