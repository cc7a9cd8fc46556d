package io.driftgate.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "candidate|candidate",
            "expected_wage|expected_wage",
            "_x1$|_x1$",
            "Candidate|\"Candidate\"",
            "order|\"order\"",
            "user|\"user\"",
            "select|\"select\"",
            "json_table|\"json_table\"",
            "Straße|\"Straße\"",
            "größe|\"größe\"",
            "two words|\"two words\"",
            "1st|\"1st\"",
            "a\"b|\"a\"\"b\""})
    void quotesExactlyWhenPostgresWouldFoldOrReject(String name, String expected) {
        assertThat(Identifiers.quote(name)).isEqualTo(expected);
    }

    @Test
    void unreservedKeywordsStayPlain() {
        assertThat(Identifiers.quote("name")).isEqualTo("name");
        assertThat(Identifiers.quote("status")).isEqualTo("status");
        assertThat(Identifiers.quote("version")).isEqualTo("version");
    }

    @Test
    void qualifiesListsAndLiterals() {
        assertThat(Identifiers.qualified("Billing", "order")).isEqualTo("\"Billing\".\"order\"");
        assertThat(Identifiers.list(List.of("id", "User Id"))).isEqualTo("id, \"User Id\"");
        assertThat(Identifiers.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void refusesAnEmptyName() {
        assertThatThrownBy(() -> Identifiers.quote("")).isInstanceOf(IllegalArgumentException.class);
    }
}
