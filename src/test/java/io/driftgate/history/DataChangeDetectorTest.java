package io.driftgate.history;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataChangeDetectorTest {

    @Test
    void plainDdlChangesNoData() {
        assertThat(DataChangeDetector.dataStatements("""
                -- insert into is only a comment here
                create table candidate (id bigint primary key, note text default 'update me; delete');
                /* update candidate set x = 1; */
                alter table candidate add column expected_wage numeric(10,2);
                create index concurrently candidate_idx on candidate(note);
                select 1;
                """)).isEmpty();
    }

    @Test
    void dmlAndCodeAreFoundWithTheirLines() {
        assertThat(DataChangeDetector.dataStatements("""
                alter table candidate add column status text;
                update candidate set status = 'new';
                insert into app_user(email) values ('a;b');
                DO $$ BEGIN PERFORM 1; END $$;
                select setval('candidate_id_seq', 100);
                """)).extracting(DataChangeDetector.DataStatement::keyword, DataChangeDetector.DataStatement::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UPDATE", 2),
                        org.assertj.core.groups.Tuple.tuple("INSERT", 3),
                        org.assertj.core.groups.Tuple.tuple("DO", 4),
                        org.assertj.core.groups.Tuple.tuple("SELECT", 5));
    }

    @Test
    void functionBodiesAreNotStatementsOfTheScript() {
        assertThat(DataChangeDetector.dataStatements("""
                create function touch() returns trigger language plpgsql as $fn$
                begin
                  update audit set n = n + 1;
                  return new;
                end $fn$;
                """)).isEmpty();
    }

    @Test
    void writableCtes() {
        assertThat(DataChangeDetector.dataStatements("with moved as (delete from a returning *) insert into b select * from moved;"))
                .extracting(DataChangeDetector.DataStatement::keyword).containsExactly("WITH … DELETE");
    }

    // --- issue 10 finding 4: PostgreSQL's lexical rules, and an allow-list that fails closed ---

    @Test
    void aBackslashEscapedQuoteInAnEStringDoesNotHideTheNextStatement() {
        assertThat(DataChangeDetector.dataStatements("comment on table t is E'it\\'s';\nupdate t set n = 1;\n"))
                .extracting(DataChangeDetector.DataStatement::keyword, DataChangeDetector.DataStatement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UPDATE", 2));
    }

    @Test
    void aDollarSignInsideAnIdentifierStartsNoDollarQuote() {
        assertThat(DataChangeDetector.dataStatements("alter table a$b$ add column x int;\nupdate t set n = 1; -- $b$\n"))
                .extracting(DataChangeDetector.DataStatement::keyword).containsExactly("UPDATE");
    }

    @Test
    void blockCommentsNest() {
        assertThat(DataChangeDetector.dataStatements("/* a /* b */ still a comment; */ update t set n = 1;"))
                .extracting(DataChangeDetector.DataStatement::keyword).containsExactly("UPDATE");
        assertThat(DataChangeDetector.dataStatements("/* a /* b */ update t set n = 1; */ create table x(id int);")).isEmpty();
    }

    @Test
    void whatIsNotKnownToBeSchemaOnlyIsADataStatement() {
        assertThat(DataChangeDetector.dataStatements("""
                explain analyze delete from t;
                prepare p as delete from t;
                execute p;
                refresh materialized view mv;
                call archive_old();
                copy t from stdin;
                select archive_old();
                truncate t;
                merge into t using s on t.id = s.id when matched then delete;
                create table t2 as select * from t;
                create materialized view mv2 as select * from t;
                alter table t alter column n type bigint using n * 100;
                alter sequence t_id_seq restart with 100;
                select * into t3 from t;
                vaccuum t;
                (select 1);
                """)).extracting(DataChangeDetector.DataStatement::keyword).containsExactly(
                "EXPLAIN ANALYZE DELETE", "PREPARE", "EXECUTE", "REFRESH MATERIALIZED VIEW", "CALL", "COPY", "SELECT", "TRUNCATE",
                "MERGE", "CREATE TABLE … AS", "CREATE MATERIALIZED VIEW", "ALTER … USING", "ALTER … RESTART", "SELECT", "VACCUUM",
                "SELECT");
    }

    @Test
    void schemaOnlyKindsStayProvable() {
        assertThat(DataChangeDetector.dataStatements("""
                SELECT pg_catalog.set_config('search_path', '', false);
                SET statement_timeout = 0;
                create materialized view mv as select 1 with no data;
                create or replace function f() returns table(a int) as $$ select 1 $$ language sql;
                grant select on t to reporting; revoke all on t from public;
                comment on column t.n is 'the n; update nothing';
                drop index if exists t_n; analyze t;
                """)).isEmpty();
    }

    @Test
    void statementsAsFlywaySplitThemAreClassifiedAndFoundInTheScript() {
        String script = "alter table t add column n int;\n\nupdate t set n = 1;\n";
        assertThat(DataChangeDetector.dataStatements(List.of("alter table t add column n int", "update t set n = 1"), script))
                .extracting(DataChangeDetector.DataStatement::keyword, DataChangeDetector.DataStatement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UPDATE", 3));
    }

    @Test
    void aFiveMegabyteMigrationIsClassifiedInLinearTime() {
        String script = "insert into t(note) values ('a;b -- not a comment');\n".repeat(100_000);
        long started = System.nanoTime();
        assertThat(DataChangeDetector.dataStatements(script)).hasSize(100_000);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("5 MB took 91 s with the quadratic lexer")
                .isLessThan(java.time.Duration.ofSeconds(5));
    }
}
