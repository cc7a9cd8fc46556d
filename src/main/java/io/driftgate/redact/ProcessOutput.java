package io.driftgate.redact;

import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Makes every way out of the process pass the redaction: {@code System.out}/{@code System.err}
 * (for anything that prints to them directly, like JUL's ConsoleHandler) and java.util.logging, which
 * pgjdbc logs to, routed into slf4j/logback and its redacting layout.
 */
public final class ProcessOutput {

    private static RedactingOutputStream out;
    private static RedactingOutputStream err;

    private ProcessOutput() {
    }

    /** For {@code main}: wraps the standard streams and routes JUL; call {@link #drain()} before exiting. */
    public static synchronized void install() {
        if (out == null) {
            Charset charset = Charset.defaultCharset();
            out = new RedactingOutputStream(System.out, charset);
            err = new RedactingOutputStream(System.err, charset);
            System.setOut(new PrintStream(out, true, charset));
            System.setErr(new PrintStream(err, true, charset));
        }
        routeJavaUtilLogging();
    }

    /**
     * pgjdbc logs through JUL, whose default ConsoleHandler writes to the {@code System.err} it saw first,
     * past any wrapper. Replaced by the bridge to slf4j, so those lines get logback's redacting layout.
     */
    public static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Writes out what the wrapped streams hold back. */
    public static synchronized void drain() {
        try {
            if (out != null) {
                System.out.flush();
                System.err.flush();
                out.drain();
                err.drain();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
