package io.driftgate.cli;

import io.driftgate.failure.DriftgateException;
import io.driftgate.providers.DockerProbe;
import io.driftgate.providers.PostgresServer;
import io.driftgate.providers.ProviderException;
import io.driftgate.providers.ProviderSettingException;
import io.driftgate.providers.ProviderSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;

/** What to run first when something is off: Java, Docker, the provider that would be used, and a live PostgreSQL. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "check this machine: Java, Docker, which PostgreSQL provider is used, and start it")
final class DoctorCommand implements Callable<Integer> {

    private static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "stack traces for unexpected errors")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = System.getenv();
        out.printf("java:      %s (%s)%n", Runtime.version(), System.getProperty("java.home"));
        DockerProbe.Status docker = DockerProbe.probe(env);
        out.printf("docker:    %s%n", docker.reason());
        if (docker.usable()) {
            out.printf("ryuk:      %s%n", "true".equalsIgnoreCase(env.get(RYUK_DISABLED)) ? RYUK_DISABLED + "=true (no reaper container)"
                    : "Testcontainers starts its reaper container (testcontainers/ryuk, pulled once); without registry access set "
                    + RYUK_DISABLED + "=true");
        }
        try {
            ProviderSelector.Choice choice = ProviderSelector.choose(env);
            out.printf("provider:  %s, PostgreSQL %d (%s)%n", choice.provider().name(), choice.major(), choice.reason());
            out.flush();
            long started = System.nanoTime();
            try (PostgresServer server = choice.provider().start()) {
                long startMillis = (System.nanoTime() - started) / 1_000_000;
                out.printf("server:    %s, ready in %d ms%n", server.description(), startMillis);
                out.printf("postgres:  %s%n", version(server));
                out.println("ok");
                return ExitCodes.OK;
            }
        } catch (ProviderSettingException e) {
            throw e; // the user's setting: exit 3 in FailureHandler
        } catch (ProviderException e) {
            throw new DriftgateException(io.driftgate.failure.Failure.DATABASE, e.getMessage(), e);
        }
    }

    private static String version(PostgresServer server) {
        try (Connection c = server.admin().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            boolean login = e.getSQLState() != null && e.getSQLState().startsWith("28");
            throw DriftgateException.database((login ? "the server at " + server.admin() + " refused the login (check the user and "
                    + "password in DRIFTGATE_PG_URL)" : "the server started but does not answer at " + server.admin())
                    + ": " + e.getMessage(), e);
        }
    }
}
