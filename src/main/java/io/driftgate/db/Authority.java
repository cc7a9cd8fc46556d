package io.driftgate.db;

import io.driftgate.redact.Secrets;

import java.util.Optional;

/**
 * The {@code user:password@host:port,host2:port} part after {@code //}, split the way libpq splits
 * it, but refusing what libpq would misread: a raw character in a password that ends the authority
 * early ('/', '?', '#') or a second '@' would put a piece of the password in the host, path or query,
 * and from there into every message that shows the URL. Errors never show any part of the URL.
 *
 * @param hosts {@code host[:port]} entries, comma-separated, as written
 * @param rest  what follows the authority: {@code /db?params}, {@code ?params} or nothing
 */
record Authority(Optional<String> user, Optional<String> password, String hosts, String rest) {

    static Authority parse(String afterSlashes) {
        int end = indexOfAny(afterSlashes, "/?");
        String authority = end < 0 ? afterSlashes : afterSlashes.substring(0, end);
        String rest = end < 0 ? "" : afterSlashes.substring(end);
        int at = authority.indexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                // known before anything can fail, so nothing printed later can carry it
                Secrets.register(info.substring(colon + 1));
            }
        }
        int hash = afterSlashes.indexOf('#');
        if (hash >= 0) {
            throw new DatabaseUrl.InvalidUrlException("the URL contains a raw '#'; if it is in the password, "
                    + "percent-encode it as %23");
        }
        if (at >= 0 && authority.indexOf('@', at + 1) >= 0) {
            throw new DatabaseUrl.InvalidUrlException("the user name or password contains a raw '@': "
                    + "percent-encode it as %40");
        }
        if (rest.indexOf('@') >= 0) {
            char cut = rest.charAt(0);
            throw new DatabaseUrl.InvalidUrlException("the URL has a raw '@' after a raw '" + cut + "'; if the password "
                    + "contains '" + cut + "', percent-encode it as " + UrlText.escape(cut)
                    + " (and an '@' anywhere but between password and host as %40)");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String hosts = authority;
        if (at >= 0) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            user = Optional.of(UrlText.decodeStrict(colon < 0 ? info : info.substring(0, colon), "user name"))
                    .filter(s -> !s.isEmpty());
            if (colon >= 0) {
                password = Optional.of(UrlText.decodeStrict(info.substring(colon + 1), "password")).filter(s -> !s.isEmpty());
                password.ifPresent(Secrets::register);
            }
            hosts = authority.substring(at + 1);
        }
        checkHosts(hosts);
        return new Authority(user, password, hosts, rest);
    }

    /** {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port}, comma-separated; an empty list means localhost. */
    private static void checkHosts(String hosts) {
        for (String entry : hosts.split(",", -1)) {
            String port;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0 || (close + 1 < entry.length() && entry.charAt(close + 1) != ':')) {
                    throw new DatabaseUrl.InvalidUrlException("an IPv6 host in the URL is not written as [address]:port");
                }
                port = close + 1 < entry.length() ? entry.substring(close + 2) : null;
            } else {
                int colon = entry.indexOf(':');
                if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
                    throw new DatabaseUrl.InvalidUrlException("a host in the URL has more than one ':' (an IPv6 address "
                            + "goes in brackets, [::1]:5432; a password with a raw '/' or '?' must percent-encode it)");
                }
                port = colon < 0 ? null : entry.substring(colon + 1);
            }
            if (port != null && !validPort(port)) {
                // not shown: when a password holds a raw '/' or '?', this "port" is a piece of it
                throw new DatabaseUrl.InvalidUrlException("a port in the URL is not a number from 1 to 65535; if the password "
                        + "contains a raw '/' or '?', percent-encode it as %2F or %3F");
            }
        }
    }

    private static boolean validPort(String port) {
        return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
    }

    static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
