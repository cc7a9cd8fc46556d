package io.driftgate.read.entities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Column(columnDefinition)} text, which Hibernate hands back verbatim as the column's type. */
class ColumnDefinitionTest {

    @Test
    void plainTypeStaysWhole() {
        assertThat(ColumnDefinition.parse("numeric(12, 2)"))
                .isEqualTo(new ColumnDefinition("numeric(12, 2)", Optional.empty(), false));
        assertThat(ColumnDefinition.parse("timestamp with time zone"))
                .isEqualTo(new ColumnDefinition("timestamp with time zone", Optional.empty(), false));
        assertThat(ColumnDefinition.parse("double precision"))
                .isEqualTo(new ColumnDefinition("double precision", Optional.empty(), false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "varchar(40) default 'draft' not null | varchar(40) | 'draft' | true",
            "VARCHAR(40) NOT NULL DEFAULT 'draft' | VARCHAR(40) | 'draft' | true",
            "text default 'not null here' | text | 'not null here' | false",
            "integer default 0 check (x > 0) | integer | 0 | false",
            "timestamptz default now() not null unique | timestamptz | now() | true",
            "jsonb not null | jsonb | | true",
            "text null | text | | false",
    })
    void clausesAfterTheTypeAreSplitOff(String definition, String type, String defaultValue, boolean notNull) {
        assertThat(ColumnDefinition.parse(definition))
                .isEqualTo(new ColumnDefinition(type, Optional.ofNullable(defaultValue), notNull));
    }
}
