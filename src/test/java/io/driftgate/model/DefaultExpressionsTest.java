package io.driftgate.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultExpressionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "'x'::text|'x'", "'open'::fine_status|'open'", "'open'::public.fine_status|'open'",
            "'open'::\"Billing\".\"Status\"|'open'", "'n/a'::character varying|'n/a'",
            "'it''s'::text|'it''s'", "'0'::numeric|0", "'1.50'::numeric(10,2)|1.50", "(-1)|-1", "0|0",
            "CURRENT_TIMESTAMP|now()", "now()|now()", "TRUE|true", "false|false",
            "nextval('candidate_id_seq'::regclass)|nextval('candidate_id_seq')",
            "'{}'::jsonb|'{}'", "'2020-01-01 00:00:00'::timestamp without time zone|'2020-01-01 00:00:00'",
            "'{}'::text[]|'{}'"})
    void normalisesCatalogAndHandWrittenSpellingsAlike(String input, String expected) {
        assertThat(DefaultExpressions.normalize(input)).isEqualTo(expected);
    }
}
