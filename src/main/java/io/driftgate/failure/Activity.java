package io.driftgate.failure;

import java.util.Objects;

/**
 * What the run is doing right now, in words ("replaying V7__backfill.sql"), so that a JVM error such as
 * running out of memory can still say where it happened; kept per process because an Error can
 * surface on any thread.
 */
public final class Activity {

    private static volatile String current = "starting";

    private Activity() {
    }

    public static void now(String what) {
        current = Objects.requireNonNull(what, "what").strip();
    }

    public static String current() {
        return current;
    }
}
