package io.driftgate.read.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayCacheTest {

    private static final List<String> PUBLIC = List.of("public");

    @TempDir
    Path cacheDir;

    private MigrationReplay replayWith(ReplayCache cache) {
        return new MigrationReplay(ShadowSource.shared(), Optional.of(cache));
    }

    @Test
    void aCacheHitReturnsTheSameSchemasWithoutCreatingAShadow() {
        ReplayCache cache = new ReplayCache(cacheDir);
        MigrationReplay first = replayWith(cache);
        ReplayResult replayed = first.replay(List.of("classpath:replay/basic"), PUBLIC);
        assertThat(first.shadowsOpened()).isEqualTo(1);
        assertThat(jsonFiles()).hasSize(1);

        MigrationReplay second = replayWith(cache);
        ReplayResult cached = second.replay(List.of("classpath:replay/basic"), PUBLIC);

        assertThat(second.shadowsOpened()).isZero();
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.steps()).isEqualTo(replayed.steps());
        assertThat(cached.initial()).isEqualTo(replayed.initial());
        assertThat(cached.finalSchema()).isEqualTo(replayed.finalSchema());
    }

    @Test
    void aChangedPlaceholderValueMissesTheCache(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t_${suffix} (id integer);");
        MigrationReplay replay = replayWith(new ReplayCache(cacheDir));
        List<String> location = List.of("filesystem:" + migrations);
        FlywaySettings a = FlywaySettings.of(org.flywaydb.core.Flyway.configure().placeholders(Map.of("suffix", "a")));
        FlywaySettings b = FlywaySettings.of(org.flywaydb.core.Flyway.configure().placeholders(Map.of("suffix", "b")));

        replay.replay(location, PUBLIC, a);
        assertThat(replay.replay(location, PUBLIC, a).fromCache()).isTrue();
        ReplayResult withB = replay.replay(location, PUBLIC, b);

        assertThat(withB.fromCache()).isFalse();
        assertThat(replay.shadowsOpened()).isEqualTo(2);
        assertThat(withB.finalSchema().tables().get(0).name().name()).isEqualTo("t_b");
        assertThat(withB.steps().get(0).statements()).singleElement().asString().contains("CREATE TABLE t_b (id integer)");
    }

    @Test
    void aChangedMigrationMissesTheCache(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id integer);");
        MigrationReplay replay = replayWith(new ReplayCache(cacheDir));
        String location = "filesystem:" + migrations;

        replay.replay(List.of(location), PUBLIC);
        replay.replay(List.of(location), PUBLIC);
        assertThat(replay.shadowsOpened()).isEqualTo(1);

        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id bigint);");
        ReplayResult changed = replay.replay(List.of(location), PUBLIC);
        assertThat(replay.shadowsOpened()).isEqualTo(2);
        assertThat(changed.fromCache()).isFalse();
        assertThat(changed.finalSchema().tables().get(0).columns().get(0).type()).isEqualTo("bigint");
        // the schemas are part of the key too
        replay.replay(List.of(location), List.of("public", "other"));
        assertThat(replay.shadowsOpened()).isEqualTo(3);
    }

    @Test
    void aCorruptEntryIsIgnoredAndReplaced() throws Exception {
        ReplayCache cache = new ReplayCache(cacheDir);
        replayWith(cache).replay(List.of("classpath:replay/basic"), PUBLIC);
        Path entry = jsonFiles().get(0);
        Files.writeString(entry, "{ not json");

        MigrationReplay replay = replayWith(cache);
        ReplayResult result = replay.replay(List.of("classpath:replay/basic"), PUBLIC);

        assertThat(replay.shadowsOpened()).isEqualTo(1);
        assertThat(result.migrations()).hasSize(4);
        assertThat(replayWith(cache).replay(List.of("classpath:replay/basic"), PUBLIC).fromCache()).isTrue();
    }

    @Test
    void theCacheDirectoryFollowsDriftgateCacheDir() {
        assertThat(ReplayCache.standard(Map.of("DRIFTGATE_CACHE_DIR", cacheDir.toString())).directory())
                .isEqualTo(cacheDir.resolve("replay"));
        assertThat(ReplayCache.standard(Map.of()).directory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "driftgate", "replay"));
    }

    private List<Path> jsonFiles() {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
