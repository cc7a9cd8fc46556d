package io.driftgate.db;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for URL parts (RFC 3986 style: a space is %20, not +). */
final class UrlText {
    private UrlText() {
    }

    /** Lenient decoding of text we encoded ourselves. */
    static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * libpq's decoding ({@code conninfo_uri_decode}): {@code %XX} is a byte, '+' stays '+', the bytes
     * must be UTF-8 and {@code %00} is refused. Errors name the part, never its text (it may be a password).
     */
    static String decodeStrict(String text, String part) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                throw new DatabaseUrl.InvalidUrlException("the " + part + " in the URL has a '%' not followed by two hex digits: "
                        + "write a literal '%' as %25");
            }
            int value = high * 16 + low;
            if (value == 0) {
                throw new DatabaseUrl.InvalidUrlException("the " + part + " in the URL holds %00, which PostgreSQL does not allow");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new DatabaseUrl.InvalidUrlException("the " + part + " in the URL is percent-encoded but not as UTF-8: "
                    + "encode each character's UTF-8 bytes, e.g. 'é' as %C3%A9");
        }
    }

    /** The escape for one character, e.g. {@code %2F} for '/'. */
    static String escape(char c) {
        return String.format("%%%02X", (int) c);
    }
}
