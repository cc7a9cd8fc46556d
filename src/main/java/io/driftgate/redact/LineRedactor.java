package io.driftgate.redact;

/**
 * Text on its way to a terminal or file, redacted a line at a time. A flush passes on all it can, but
 * holds back a tail that could be the start of a secret, so a secret written in two pieces is still
 * masked whole.
 */
final class LineRedactor {

    private final StringBuilder pending = new StringBuilder();

    /** Adds text; returns what may be written now (whole lines, redacted). */
    synchronized String append(CharSequence text) {
        pending.append(text);
        int lastNewline = pending.lastIndexOf("\n");
        if (lastNewline < 0) {
            return "";
        }
        String lines = pending.substring(0, lastNewline + 1);
        pending.delete(0, lastNewline + 1);
        return Secrets.redact(lines);
    }

    /** For a flush: everything but a tail that could begin a secret. */
    synchronized String flushable() {
        int hold = Secrets.pendingPrefix(pending);
        String out = pending.substring(0, pending.length() - hold);
        pending.delete(0, pending.length() - hold);
        return Secrets.redact(out);
    }

    /** At the end: everything. */
    synchronized String drain() {
        String out = pending.toString();
        pending.setLength(0);
        return Secrets.redact(out);
    }
}
