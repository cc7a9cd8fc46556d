package io.driftgate.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorCommandTest {

    @Test
    void reportsJavaDockerProviderAndALivePostgres() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("doctor");
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("java:", "docker:", "provider:", "server:", "postgres:  PostgreSQL", "ok");
    }
}
