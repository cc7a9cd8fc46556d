package io.driftgate.db;

import io.driftgate.redact.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what users paste ({@code jdbc:postgresql://…}, also with {@code user:password@}, or libpq
 * {@code postgres://user:pass@host:port/db?sslmode=require}) plus optional {@code --user}/{@code --password}
 * and {@code PGUSER}/{@code PGPASSWORD} into {@link ConnectionSettings}. Credentials are taken out of the
 * URL, so the URL can be shown as it is, and every password is registered with {@link Secrets} as soon
 * as it is read. A URL whose meaning depends on a raw character in the password is refused, naming the
 * character to percent-encode and never any part of the URL.
 */
public final class DatabaseUrl {

    private static final Pattern SCHEME = Pattern.compile("^(?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]*:");
    // from the first ':' after "scheme://" to the LAST '@': a password may hold raw '@', '/', '?' or ':'
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(://[^:@/?#]*:).*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]\\s*(?:ssl)?password\\s*=)[^&]*");

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
        password.ifPresent(Secrets::register);
        Optional<String> envPassword = Optional.ofNullable(env.get("PGPASSWORD")).filter(s -> !s.isEmpty());
        envPassword.ifPresent(Secrets::register);
        String text = url.strip();
        Parts parts;
        if (PgjdbcUrl.matches(text)) {
            parts = PgjdbcUrl.parse(text);
        } else if (LibpqUri.matches(text)) {
            parts = LibpqUri.parse(text);
        } else {
            Matcher scheme = SCHEME.matcher(text);
            throw new InvalidUrlException("the URL " + (scheme.find() ? "starting '" + scheme.group() + "' " : "given ")
                    + "is not a PostgreSQL URL: expected jdbc:postgresql://host:port/db or postgres://user:password@host:port/db");
        }
        parts.password().ifPresent(Secrets::register);
        String effectiveUser = user.or(parts::user).or(() -> Optional.ofNullable(env.get("PGUSER")))
                .or(() -> Optional.ofNullable(env.get("USER"))).orElse("postgres");
        Optional<String> effectivePassword = password.or(parts::password).or(() -> envPassword);
        return new ConnectionSettings(parts.jdbcUrl(), effectiveUser, effectivePassword);
    }

    /**
     * Registers what could be a password in text that may be a URL, without judging it; for text seen
     * before it is parsed (command-line arguments, {@code DATABASE_URL}), so that even a message about a
     * URL that fails to parse cannot show it.
     */
    public static void registerSecretsIn(String text) {
        int slashes = text.indexOf("://");
        if (slashes < 0) {
            return;
        }
        String rest = text.substring(slashes + 3);
        int colon = rest.indexOf(':');
        for (int at : new int[] {rest.indexOf('@'), rest.lastIndexOf('@')}) {
            if (colon >= 0 && at > colon) {
                Secrets.register(rest.substring(colon + 1, at));
                Secrets.register(UrlText.decode(rest.substring(colon + 1, at).replaceAll("%(?![0-9A-Fa-f]{2})", "%25")));
            }
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            try {
                QueryParams.split(rest.substring(q + 1));
            } catch (InvalidUrlException e) {
                // registration only; the parser reports it
            }
        }
    }

    /**
     * A URL with anything that may be a password replaced by {@code ***}, for text that was not parsed:
     * the user:password part up to the last '@', {@code password=} in any case, then every registered secret.
     */
    public static String redact(String url) {
        String once = PASSWORD_IN_URL.matcher(url).replaceAll("$1***@");
        return Secrets.redact(PASSWORD_PARAM.matcher(once).replaceAll("$1***"));
    }

    static String jdbc(String hosts, String database, Map<String, String> params) {
        params.forEach(DatabaseUrl::requireUsableSetting);
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(UrlText.encode(k) + "=" + UrlText.encode(v)));
        return "jdbc:postgresql://" + hosts + "/" + UrlText.encode(database) + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    /**
     * pgjdbc reads 0 as "no limit", and a huge value is nearly as long: every wait driftgate makes must stay bounded. Upper
     * bounds in seconds, as driftgate's own options allow (connecting: 10 min; a socket: the longest statement + 5 min).
     */
    private static final java.util.Map<String, Long> TIMEOUTS = java.util.Map.of("connecttimeout", 600L, "logintimeout", 600L,
            "sockettimeout", 86_700L, "cancelsignaltimeout", 600L);

    /**
     * A setting with a fixed set of values ({@code sslmode=bogus}) is the user's typo, and a timeout of 0 or less would wait
     * forever: exit 3 now, not a failed connect or a hang later.
     */
    private static void requireUsableSetting(String key, String value) {
        Long most = TIMEOUTS.get(key.toLowerCase(java.util.Locale.ROOT));
        if (most != null) {
            long seconds;
            try {
                seconds = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > most) {
                throw new InvalidUrlException("the URL's " + key + " must be a whole number of seconds from 1 to " + most
                        + " (0 means wait forever); leave it out to use driftgate's bounded default");
            }
        }
        org.postgresql.PGProperty property = org.postgresql.PGProperty.forName(key);
        String[] choices = property == null ? null : property.getChoices();
        if (choices != null && java.util.Arrays.stream(choices).noneMatch(c -> c.equalsIgnoreCase(value))) {
            throw new InvalidUrlException("the URL's " + key + " must be one of " + String.join(", ", choices));
        }
    }

    record Parts(String jdbcUrl, Optional<String> user, Optional<String> password) {
    }

    /** The URL given cannot be used; the message says why and never contains the password or any part of the URL after the scheme. */
    public static final class InvalidUrlException extends IllegalArgumentException {
        public InvalidUrlException(String message) {
            super(message);
        }
    }
}
