package io.driftgate.cli;

import picocli.CommandLine.IVersionProvider;

import java.util.Optional;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("development build");
        return new String[] {"driftgate " + version, "Java " + Runtime.version()};
    }
}
