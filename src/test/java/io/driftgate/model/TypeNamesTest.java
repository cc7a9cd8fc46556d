package io.driftgate.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypeNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "int4|integer", "int|integer", "INTEGER|integer", "serial|integer", "bigserial|bigint", "int8|bigint",
            "int2|smallint", "bool|boolean", "varchar(20)|character varying(20)",
            "character varying(20)|character varying(20)", "VARCHAR (255)|character varying(255)",
            "varchar|character varying", "char(3)|character(3)", "char|character(1)", "bpchar(2)|character(2)",
            "decimal(10, 2)|numeric(10,2)", "numeric(10,2)|numeric(10,2)", "numeric|numeric",
            "float8|double precision", "float|double precision", "float(10)|real", "float(53)|double precision",
            "float4|real", "timestamptz|timestamp with time zone", "timestamp|timestamp without time zone",
            "timestamp(6)|timestamp(6) without time zone", "timestamp(6) with time zone|timestamp(6) with time zone",
            "timestamp with time zone|timestamp with time zone", "time|time without time zone",
            "timetz|time with time zone", "text|text", "uuid|uuid", "jsonb|jsonb", "int4[]|integer[]",
            "_int4|integer[]", "text[]|text[]", "integer[3]|integer[]", "public.fine_status|public.fine_status",
            "\"Billing\".\"Status\"|\"Billing\".\"Status\"", "varbit(4)|bit varying(4)"})
    void normalisesToFormatTypeSpelling(String input, String expected) {
        assertThat(TypeNames.normalize(input)).isEqualTo(expected);
    }
}
