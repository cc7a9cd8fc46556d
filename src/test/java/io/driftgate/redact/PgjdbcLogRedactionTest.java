package io.driftgate.redact;

import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** pgjdbc logs through java.util.logging, past our own output; its lines must not carry a password either. */
class PgjdbcLogRedactionTest {

    @Test
    void pgjdbcsTooManySlashesWarningGoesThroughTheRedaction() {
        String secret = "Jul-Sekr3t/Pa55word";
        Secrets.register(secret);
        ProcessOutput.routeJavaUtilLogging();
        String printed = capturingStderr(() ->
                Driver.parseURL("jdbc:postgresql://h/d/b?password=" + secret.replace("/", "%2F"), new Properties()));
        assertThat(printed).contains("too many / characters").contains("password=***")
                .doesNotContain("Jul-Sekr3t").doesNotContain("Pa55word");
    }

    @Test
    void aJulConsoleHandlerHoldingTheWrappedStderrCannotPrintIt() {
        String secret = "Cons0le-Sekr3t";
        Secrets.register(secret);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        PrintStream before = System.err;
        // what ProcessOutput.install does to System.err, around a buffer instead of the terminal
        System.setErr(new PrintStream(new RedactingOutputStream(raw, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8));
        Logger logger = Logger.getLogger("org.postgresql.redaction-test");
        ConsoleHandler handler = new ConsoleHandler();
        try {
            logger.setUseParentHandlers(false);
            logger.addHandler(handler);
            logger.log(Level.WARNING, "JDBC URL invalid port number: {0}", secret + "@host");
            handler.flush();
            System.err.print("split " + secret.substring(0, 5));
            System.err.flush();
            System.err.print(secret.substring(5) + " end\n");
        } finally {
            logger.removeHandler(handler);
            System.setErr(before);
        }
        String printed = raw.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("invalid port number: ***@host").contains("split *** end").doesNotContain("Sekr3t");
    }

    @Test
    void everyFormOfASecretIsMasked() {
        String secret = "p å/\"&'é日🔑x";
        Secrets.register(secret);
        for (String form : Secrets.formsOf(secret)) {
            assertThat(Secrets.redact("<" + form + ">")).isEqualTo("<***>");
        }
        assertThat(Secrets.formsOf(secret)).contains("p+%C3%A5%2F%22%26%27%C3%A9%E6%97%A5%F0%9F%94%91x",
                "p%20%c3%a5%2f%22%26%27%c3%a9%e6%97%a5%f0%9f%94%91x", "p å/\\\"&'é日🔑x", "p å/&quot;&amp;&apos;é日🔑x");
    }

    private static String capturingStderr(Runnable action) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(raw, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(before);
        }
        return raw.toString(StandardCharsets.UTF_8);
    }
}
