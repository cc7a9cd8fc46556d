package io.driftgate.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a fixture scenario into a temporary folder, for tests that run or edit it there. */
public final class ScenarioFolders {

    private ScenarioFolders() {
    }

    public static Path copy(String name, Path dir) throws IOException {
        Path source = ScenarioSuiteTest.SCENARIOS.resolve(name);
        Path target = dir.resolve(name);
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
