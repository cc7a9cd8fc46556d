package io.driftgate.redact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * A byte stream (what {@code System.out} and {@code System.err} become) whose text passes
 * {@link Secrets#redact} before it reaches {@code target}. Bytes are decoded a line (or a flush) at a time.
 */
public final class RedactingOutputStream extends OutputStream {

    private final OutputStream target;
    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LineRedactor lines = new LineRedactor();

    public RedactingOutputStream(OutputStream target, Charset charset) {
        this.target = target;
        this.charset = charset;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        bytes.write(b);
        if (b == '\n') {
            pass(lines.append(decoded()));
        }
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        bytes.write(buffer, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == '\n') {
                pass(lines.append(decoded()));
                return;
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        lines.append(decoded());
        pass(lines.flushable());
        target.flush();
    }

    /** Writes out everything held back; for the end of the process. */
    public synchronized void drain() throws IOException {
        lines.append(decoded());
        pass(lines.drain());
        target.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        target.close();
    }

    private String decoded() {
        String text = bytes.toString(charset);
        bytes.reset();
        return text;
    }

    private void pass(String text) throws IOException {
        if (!text.isEmpty()) {
            target.write(text.getBytes(charset));
        }
    }
}
