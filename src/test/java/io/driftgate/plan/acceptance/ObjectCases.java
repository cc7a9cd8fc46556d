package io.driftgate.plan.acceptance;

import java.util.List;
import java.util.Set;

import static io.driftgate.plan.Hazard.MAY_FAIL_ON_EXISTING_DATA;
import static io.driftgate.plan.Hazard.NARROWS_TYPE;
import static io.driftgate.plan.acceptance.AcceptanceCase.converges;
import static io.driftgate.plan.acceptance.AcceptanceCase.noDrift;
import static io.driftgate.plan.acceptance.AcceptanceCase.unrepairable;

/** Tables, schemas, enum types, sequences and names that need quoting. */
final class ObjectCases {

    private ObjectCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                converges("table missing", "", "create table candidate (id bigint primary key, full_name text not null);",
                        Set.of(), "CREATE TABLE"),
                converges("two tables with a foreign key between them missing", "",
                        "create table app_user (id bigint primary key); create table candidate (id bigint primary key,"
                                + " user_id bigint references app_user(id));", Set.of(), "FOREIGN KEY"),
                converges("table missing with its indexes", "",
                        "create table t (a int, b text); create index t_b on t(b); create unique index t_a on t(a);", Set.of()),
                converges("table with serial id missing", "", "create table t (id serial primary key, name text);", Set.of(),
                        "CREATE SEQUENCE", "OWNED BY"),
                converges("table with identity id missing", "",
                        "create table t (id bigint generated always as identity primary key, name text);", Set.of(), "IDENTITY"),
                converges("extra table is kept", "create table legacy (x int); insert into legacy values (1);",
                        "create table t (a int);", Set.of()),
                converges("non-public schema missing", "", "create schema billing; create table billing.invoice (id int primary key);",
                        Set.of(), "CREATE SCHEMA billing"),
                converges("quoted mixed-case names", "",
                        "create table \"Candidate\" (\"Id\" int primary key, \"FullName\" text); create index \"Candidate_FullName_idx\""
                                + " on \"Candidate\"(\"FullName\");", Set.of(), "\"Candidate\""),
                converges("reserved-word names", "create table \"order\" (id int primary key);",
                        "create table \"order\" (id int primary key, \"user\" text, \"select\" int);", Set.of(), "\"user\""),
                converges("non-ASCII names", "create table straße (id int primary key);",
                        "create table straße (id int primary key, größe numeric(10,2));", Set.of(), "\"größe\""),
                converges("names with spaces and quotes", "",
                        "create table \"odd \"\"name\"\"\" (\"col one\" int);", Set.of()),
                converges("enum type missing", "",
                        "create type candidate_status as enum ('new', 'interviewing', 'hired');"
                                + " create table candidate (id int, status candidate_status not null default 'new');",
                        Set.of(), "CREATE TYPE"),
                converges("enum label missing at the end", "create type s as enum ('a', 'b');",
                        "create type s as enum ('a', 'b', 'c');", Set.of(), "ADD VALUE 'c' AFTER 'b'"),
                converges("enum label missing in the middle", "create type s as enum ('a', 'c');",
                        "create type s as enum ('a', 'b', 'c');", Set.of(), "AFTER 'a'"),
                converges("enum label missing at the start", "create type s as enum ('b', 'c');",
                        "create type s as enum ('a', 'b', 'c');", Set.of(), "BEFORE 'b'"),
                unrepairable("enum labels in another order", "create type s as enum ('b', 'a');", "create type s as enum ('a', 'b');"),
                converges("enum in a non-public schema used by a column", "create schema hr;",
                        "create schema hr; create type hr.level as enum ('junior', 'senior');"
                                + " create table hr.person (id int, level hr.level);", Set.of()),
                converges("sequence missing", "", "create sequence invoice_number_seq start 1000;", Set.of(), "CREATE SEQUENCE"),
                converges("sequence increment differs", "create sequence s increment by 1;",
                        "create sequence s increment by 10;", Set.of(), "INCREMENT BY 10"),
                converges("sequence max narrowed", "create sequence s;", "create sequence s maxvalue 1000;",
                        Set.of(NARROWS_TYPE, MAY_FAIL_ON_EXISTING_DATA)),
                noDrift("identical schemas", "create table t (a int primary key, b text not null default 'x');",
                        "create table t (a int primary key, b text not null default 'x');"),
                noDrift("column order differs", "create table t (b text, a int);", "create table t (a int, b text);"));
    }
}
