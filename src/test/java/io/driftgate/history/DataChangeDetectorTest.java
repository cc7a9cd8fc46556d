package io.driftgate.history;

import org.junit.jupiter.api.Test;

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
}
