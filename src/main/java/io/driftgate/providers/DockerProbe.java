package io.driftgate.providers;

import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Is a Docker engine usable? Looks for a socket or {@code DOCKER_HOST} first, so a machine without Docker
 * answers in microseconds instead of waiting on Testcontainers' discovery.
 */
public final class DockerProbe {

    private DockerProbe() {
    }

    /** Whether Docker can be used, and the sentence that says why. */
    public record Status(boolean usable, String reason) {
    }

    public static Status probe(Map<String, String> env) {
        List<Path> candidates = candidateSockets(env);
        boolean configured = env.containsKey("DOCKER_HOST") || candidates.stream().anyMatch(Files::exists)
                || Files.exists(Path.of(env.getOrDefault("HOME", "/nonexistent"), ".testcontainers.properties"));
        if (!configured) {
            return new Status(false, "no Docker: DOCKER_HOST is not set and there is no socket at " + candidates);
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return new Status(true, "Docker is usable (" + DockerClientFactory.instance().getRemoteDockerUnixSocketPath() + ")");
            }
            return new Status(false, "a Docker socket or DOCKER_HOST is there but the engine does not answer");
        } catch (RuntimeException | LinkageError e) {
            return new Status(false, "Docker did not answer: " + e.getMessage());
        }
    }

    private static List<Path> candidateSockets(Map<String, String> env) {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("/var/run/docker.sock"));
        String home = env.get("HOME");
        if (home != null) {
            paths.add(Path.of(home, ".docker/run/docker.sock"));
            paths.add(Path.of(home, ".docker/desktop/docker.sock"));
            paths.add(Path.of(home, ".colima/default/docker.sock"));
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null) {
            paths.add(Path.of(runtime, "docker.sock"));
        }
        return paths;
    }
}
