package io.driftgate.redact;

import java.io.IOException;
import java.io.Writer;

/** A {@link Writer} that passes everything through {@link Secrets#redact} before it reaches {@code target}. */
public final class RedactingWriter extends Writer {

    private final Writer target;
    private final LineRedactor lines = new LineRedactor();

    public RedactingWriter(Writer target) {
        this.target = target;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        String ready = lines.append(new String(buffer, offset, length));
        if (!ready.isEmpty()) {
            target.write(ready);
        }
    }

    @Override
    public void flush() throws IOException {
        target.write(lines.flushable());
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.write(lines.drain());
        target.close();
    }
}
