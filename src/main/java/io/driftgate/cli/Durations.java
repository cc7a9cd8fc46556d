package io.driftgate.cli;

import io.driftgate.failure.DriftgateException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration options: {@code 2000} (in the option's own unit), {@code 500ms}, {@code 10s}, {@code 30min}
 * ({@code m} too), {@code 2h}. Zero, negatives and values outside the option's range are refused with a
 * sentence (exit 3): driftgate never waits without a bound, and a typo must not turn into a day's wait.
 */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d{1,12})\\s*(ms|s|sec|min|m|h)?\\s*");

    private Durations() {
    }

    static Duration parse(String option, String text, ChronoUnit bareUnit, Duration min, Duration max) {
        Matcher m = DURATION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw DriftgateException.badInput(option + " " + text + " is not a duration: give a positive number of "
                    + unitName(bareUnit) + " or a value such as 500ms, 10s, 30min, 2h (between " + show(min)
                    + " and " + show(max) + ")");
        }
        long amount = Long.parseLong(m.group(1));
        ChronoUnit unit = m.group(2) == null ? bareUnit : switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s", "sec" -> ChronoUnit.SECONDS;
            case "min", "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
        if (amount == 0) {
            throw DriftgateException.badInput(option + " 0 would mean: wait forever. Every wait of driftgate is bounded; give a value between "
                    + show(min) + " and " + show(max));
        }
        Duration value = amount > max.toMillis() ? max.plusMillis(1) : Duration.of(amount, unit);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw DriftgateException.badInput(option + " " + text.trim() + " is outside the sane range " + show(min) + " .. "
                    + show(max) + (m.group(2) == null ? " (a bare number means " + unitName(bareUnit) + ")" : ""));
        }
        return value;
    }

    /** 2000 ms → "2 s", 1800000 ms → "30 min". */
    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String unitName(ChronoUnit unit) {
        return unit == ChronoUnit.MILLIS ? "milliseconds" : unit.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
