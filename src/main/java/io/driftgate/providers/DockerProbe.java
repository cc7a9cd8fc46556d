package io.driftgate.providers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Is a Docker engine usable? One {@code GET /_ping} to the engine's socket ({@code DOCKER_HOST}, else the
 * usual socket paths), answered within {@link #PING_TIMEOUT}: no Testcontainers, so no Ryuk container, no
 * image pull, and nothing read from {@code ~/.testcontainers.properties}. Asked at most once per process
 * and endpoint.
 */
public final class DockerProbe {

    static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
    private static final String PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n";
    private static final Map<String, Status> ASKED = new ConcurrentHashMap<>();

    private DockerProbe() {
    }

    /** Whether Docker can be used, and the sentence that says why. */
    public record Status(boolean usable, String reason) {
    }

    public static Status probe(Map<String, String> env) {
        Optional<String> endpoint = endpoint(env);
        if (endpoint.isEmpty()) {
            return new Status(false, "no Docker: DOCKER_HOST is not set and there is no socket at " + candidateSockets(env));
        }
        return ASKED.computeIfAbsent(endpoint.get(), e -> ping(e, env));
    }

    private static Optional<String> endpoint(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", "").trim();
        if (!host.isEmpty()) {
            return Optional.of(host);
        }
        return candidateSockets(env).stream().filter(Files::exists).findFirst().map(p -> "unix://" + p);
    }

    private static Status ping(String endpoint, Map<String, String> env) {
        if (endpoint.startsWith("tcp://") && "1".equals(env.get("DOCKER_TLS_VERIFY"))) {
            return new Status(true, "Docker at " + endpoint + " (TLS; not pinged: Testcontainers connects with your certificates)");
        }
        FutureTask<String> answer = new FutureTask<>(() -> exchange(endpoint));
        Thread thread = new Thread(answer, "driftgate-docker-ping");
        thread.setDaemon(true);
        thread.start();
        try {
            String response = answer.get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.startsWith("HTTP/1.") && response.split(" ", 3)[1].equals("200")) {
                return new Status(true, "Docker engine answers at " + endpoint);
            }
            return new Status(false, "no Docker: the engine at " + endpoint + " answered the ping with "
                    + response.lines().findFirst().orElse("nothing"));
        } catch (TimeoutException e) {
            thread.interrupt();
            return new Status(false, "no Docker: nothing answered at " + endpoint + " within " + PING_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Status(false, "no Docker: " + endpoint + " does not answer (" + e.getCause().getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(false, "no Docker: interrupted while asking " + endpoint);
        }
    }

    private static String exchange(String endpoint) throws IOException {
        byte[] request = PING.getBytes(StandardCharsets.US_ASCII);
        if (endpoint.startsWith("unix://")) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(endpoint.substring("unix://".length())));
                channel.write(ByteBuffer.wrap(request));
                ByteBuffer buffer = ByteBuffer.allocate(1024);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // HTTP/1.0: the engine closes after its short answer
                }
                return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            }
        }
        if (endpoint.startsWith("tcp://")) {
            URI uri = URI.create(endpoint);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()),
                        (int) PING_TIMEOUT.toMillis());
                socket.setSoTimeout((int) PING_TIMEOUT.toMillis());
                socket.getOutputStream().write(request);
                return new String(socket.getInputStream().readNBytes(1024), StandardCharsets.US_ASCII);
            }
        }
        throw new IOException("DOCKER_HOST=" + endpoint + " is neither unix:// nor tcp://");
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
