package io.driftgate.providers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads one artifact from Maven Central (or {@code DRIFTGATE_MAVEN_REPOSITORY}) into a file, checked
 * against the repository's {@code .sha1}, with bounded waits; written atomically so a half download
 * is never mistaken for a whole one.
 */
final class CentralDownload {

    static final String REPOSITORY_SETTING = "DRIFTGATE_MAVEN_REPOSITORY";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CHECKSUM_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    private CentralDownload() {
    }

    static void fetch(String group, String artifact, String version, Path target, String what) {
        String base = Optional.ofNullable(System.getenv(REPOSITORY_SETTING)).filter(s -> !s.isBlank()).orElse(CENTRAL)
                .replaceAll("/+$", "");
        String url = base + "/" + group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            Files.createDirectories(target.getParent());
            String expected = get(client, url + ".sha1", CHECKSUM_TIMEOUT, HttpResponse.BodyHandlers.ofString())
                    .trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                get(client, url, DOWNLOAD_TIMEOUT, HttpResponse.BodyHandlers.ofFile(part));
                String actual = sha1(part);
                if (!actual.equals(expected)) {
                    throw new ProviderException("The download of " + url + " is damaged: its SHA-1 is " + actual
                            + ", the repository says " + expected + ". Run again; if it persists, check any proxy in between.");
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw offline(what, url, target, group, artifact, version, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(what, url, target, group, artifact, version, "interrupted", e);
        }
    }

    private static <T> T get(HttpClient client, String url, Duration timeout, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        // the request timeout covers only the wait for headers: a deadline over the whole transfer bounds a stalled body
        java.util.concurrent.CompletableFuture<HttpResponse<T>> transfer =
                client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), body);
        HttpResponse<T> response;
        try {
            response = transfer.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            transfer.cancel(true);
            throw new IOException("the transfer did not finish within " + timeout.toSeconds() + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        return response.body();
    }

    private static String sha1(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProviderException offline(String what, String url, Path target, String group, String artifact,
                                             String version, String reason, Exception cause) {
        return new ProviderException("Could not download " + what + " from " + url + " (" + reason + "). "
                + "driftgate fetches them once, into " + target.getParent() + ". On a machine without internet, copy "
                + artifact + "-" + version + ".jar there (or into the local Maven repository: mvn dependency:get -Dartifact="
                + group + ":" + artifact + ":" + version + "), or use DRIFTGATE_PG=docker, or DRIFTGATE_PG=external with "
                + "DRIFTGATE_PG_URL.", cause);
    }
}
