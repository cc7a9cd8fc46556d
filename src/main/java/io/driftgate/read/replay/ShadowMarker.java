package io.driftgate.read.replay;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proof that driftgate created a temporary shadow database: written as its {@code COMMENT ON DATABASE}
 * right after {@code CREATE DATABASE}, naming the run (the id is also the database name's suffix), the
 * process and its start time, and the host. A database named {@code dg_shadow_…} without a matching
 * marker was not made by driftgate (or by a run killed between the two statements) and is never dropped.
 *
 * @param id      the suffix of the database name
 * @param pid     the JVM's process id
 * @param host    host name plus, on Linux, the pid namespace (containers on one host reuse pids)
 * @param started when that JVM started (tells a reused pid from the same process)
 */
public record ShadowMarker(String id, long pid, String host, Instant started) {

    private static final Pattern FORMAT = Pattern.compile(
            "^driftgate shadow id=([0-9a-f]{16}) pid=(\\d+) host=(\\S+) started=(\\S+)$");
    /** A run on another host is taken as gone only after this long, and only with no session connected. */
    static final Duration FOREIGN_AGE = Duration.ofHours(24);
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    public ShadowMarker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(started, "started");
    }

    static ShadowMarker forThisProcess(String id) {
        return new ShadowMarker(id, ProcessHandle.current().pid(), thisHost(),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    String text() {
        return "driftgate shadow id=" + id + " pid=" + pid + " host=" + host + " started=" + started;
    }

    static Optional<ShadowMarker> parse(String comment) {
        Matcher m = FORMAT.matcher(comment == null ? "" : comment.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShadowMarker(m.group(1), Long.parseLong(m.group(2)), m.group(3), Instant.parse(m.group(4))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the run that wrote this marker is provably over: on this host, no process with that pid and
     * start time is alive; elsewhere, the marker is older than {@link #FOREIGN_AGE} and nobody is connected.
     */
    boolean runIsGone(Instant now, boolean sessionsConnected) {
        if (host.equals(thisHost())) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(s -> Duration.between(started, s).abs().compareTo(START_SLACK) > 0)
                            .orElse(false)) // alive and start unknown: assume it is that run
                    .orElse(true);
        }
        return !sessionsConnected && started.plus(FOREIGN_AGE).isBefore(now);
    }

    public static String thisHost() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            name = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
        String namespace = "";
        try {
            namespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString().replaceAll("[^0-9]", "");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: the host name alone
        }
        return (name + (namespace.isEmpty() ? "" : "/pidns" + namespace)).replaceAll("\\s", "_");
    }
}
