package io.driftgate.redact;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * logback's pattern layout with {@link Secrets#redact} over the whole formatted event (message,
 * arguments and stack trace), for the logs of Flyway, Hibernate, Testcontainers, zonky and, through
 * the JUL bridge, pgjdbc.
 */
public final class RedactingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Secrets.redact(super.doLayout(event));
    }
}
