package io.driftgate.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The leak check: neither the password, nor its percent-encodings, nor any 6 characters of it. */
final class Leaks {

    private static final int PIECE = 6;

    private Leaks() {
    }

    static void assertNone(String where, String text, String password) {
        String plus = URLEncoder.encode(password, StandardCharsets.UTF_8);
        for (String form : List.of(password, plus, plus.replace("+", "%20"))) {
            assertThat(text).as(where + ": the password or its encoding").doesNotContain(form);
        }
        for (int i = 0; i + PIECE <= password.length(); i++) {
            String piece = password.substring(i, i + PIECE);
            if (text.contains(piece)) {
                fail(where + ": 6 characters of the password printed, at " + text.indexOf(piece) + " in:\n" + text);
            }
        }
    }
}
