package io.driftgate.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every URL form users paste, and the ones whose raw characters make them ambiguous. */
class DatabaseUrlFormsTest {

    private static ConnectionSettings parse(String url) {
        return DatabaseUrl.parse(url, Optional.empty(), Optional.empty(), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://app:Pw%2Fq%23r%3Fs%40t%3Au%25v@h:5432/db      | jdbc:postgresql://h:5432/db | app  | Pw/q#r?s@t:u%v
            jdbc:postgresql://h:5432/db?user=app&password=Pw%2F%26x          | jdbc:postgresql://h:5432/db | app  | Pw/&x
            jdbc:postgresql://h:5432/db?User=app&Password=Capital1           | jdbc:postgresql://h:5432/db | app  | Capital1
            jdbc:postgresql://h:5432/db?sslmode=require&PASSWORD=Upper2x     | jdbc:postgresql://h:5432/db?sslmode=require | env | Upper2x
            jdbc:postgresql://h:5432/db?password=a+b%2Bc%25                  | jdbc:postgresql://h:5432/db | env  | a b+c%
            postgres://app:Pw%2Fq%23r%3Fs%40t%3Au%25v@h:5432/db              | jdbc:postgresql://h:5432/db | app  | Pw/q#r?s@t:u%v
            postgres://app:a+b@h/db                                          | jdbc:postgresql://h/db      | app  | a+b
            postgres://app:%C3%A9t%C3%A9%E6%97%A5%F0%9F%94%91@h/db           | jdbc:postgresql://h/db      | app  | été日🔑
            postgresql://app:x:y:z@h1:5432,h2:5433/db?sslmode=require        | jdbc:postgresql://h1:5432,h2:5433/db?sslmode=require | app | x:y:z
            postgres://app:secret66@[::1]:5432/db                            | jdbc:postgresql://[::1]:5432/db | app | secret66
            postgres://app@h/db                                              | jdbc:postgresql://h/db      | app  |
            postgres://h/db?user=app&password=q%2Fp                          | jdbc:postgresql://h/db      | app  | q/p
            jdbc:postgresql://h/db                                           | jdbc:postgresql://h:5432/db | env  |
            jdbc:postgresql://[::1]:5433/db?user=app                         | jdbc:postgresql://[::1]:5433/db | app |
            """)
    void credentialsComeOutOfEveryForm(String url, String jdbc, String user, String password) {
        ConnectionSettings s = DatabaseUrl.parse(url, Optional.empty(), Optional.empty(), Map.of("USER", "env"));
        assertThat(s.jdbcUrl()).isEqualTo(jdbc);
        assertThat(s.user()).isEqualTo(user);
        assertThat(s.password()).isEqualTo(Optional.ofNullable(password));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgres://app:Sekr3t/Pa55word@127.0.0.1:5432/db         | '/'    | %2F
            postgres://app:Sekr3t?Pa55word@127.0.0.1:5432/db         | '?'    | %3F
            postgres://app:Sekr3t#Pa55word@127.0.0.1:5432/db         | '#'    | %23
            postgres://app:Sekr3t@Pa55word@127.0.0.1:5432/db         | '@'    | %40
            jdbc:postgresql://app:Sekr3t/Pa55word@127.0.0.1:5432/db  | '/'    | %2F
            jdbc:postgresql://app:Sekr3t@Pa55word@127.0.0.1/db       | '@'    | %40
            postgres://app:Sekr3t%zzPa55word@127.0.0.1/db            | '%'    | %25
            jdbc:postgresql://h/db?password=Sekr3t%zzPa55word         | '%'    | %25
            jdbc:postgresql://h/db?Password=Sekr3t%Pa55word           | '%'    | %25
            jdbc:postgresql://h/db?password=Sekr3t&Pa55word           | '&'    | %26
            jdbc:postgresql://h/db?password=Sekr3t&Pa55word=x         | '&'    | %26
            postgres://u@h/db?password=Sekr3t&Pa55word=x              | '&'    | %26
            postgres://app:Sekr3t/12@h/db                            | '/'    | %2F
            postgres://app:12/Sekr3tPa55word@h/db                    | '/'    | %2F
            """)
    void ambiguousRawCharactersAreRefusedWithoutShowingThePassword(String url, String character, String escape) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOf(DatabaseUrl.InvalidUrlException.class)
                .hasMessageContaining(character).hasMessageContaining(escape)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sekr3t").doesNotContain("Pa55").doesNotContain("12@"));
    }

    @Test
    void aDatabasePathWithASlashIsRefusedBeforePgjdbcLogsTheUrl() {
        assertThatThrownBy(() -> parse("jdbc:postgresql://h/a/b?password=Sekr3tPa55"))
                .isInstanceOf(DatabaseUrl.InvalidUrlException.class).hasMessageNotContaining("Sekr3t");
    }

    @Test
    void noPartOfAnUnknownSchemeUrlIsShown() {
        assertThatThrownBy(() -> parse("app:Sekr3tPa55@host/db"))
                .isInstanceOf(DatabaseUrl.InvalidUrlException.class).hasMessageNotContaining("Sekr3t");
    }

    @Test
    void patternRedactionForUnparsedTextStopsAtTheLastAtAndKnowsAnyCase() {
        assertThat(DatabaseUrl.redact("postgres://u:Se@kr/3t@h/db")).isEqualTo("postgres://u:***@h/db");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?user=u&Password=Se%kr3t&x=1")).isEqualTo("jdbc:postgresql://h/db?user=u&Password=***&x=1");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?PASSWORD=abc")).doesNotContain("abc");
    }

    @Test
    void withDatabaseKeepsHostsAndParameters() {
        ConnectionSettings s = parse("postgres://app:Sekr3t%2F@h1:1,[::1]:2/db?sslmode=require");
        assertThat(s.withDatabase("dg_x").jdbcUrl()).isEqualTo("jdbc:postgresql://h1:1,[::1]:2/dg_x?sslmode=require");
        assertThat(s.toString()).doesNotContain("Sekr3t");
    }
}
