package io.driftgate.plan.acceptance;

import java.util.List;
import java.util.Set;

import static io.driftgate.plan.Hazard.DROPS_OBJECT;
import static io.driftgate.plan.Hazard.MAY_FAIL_ON_EXISTING_DATA;
import static io.driftgate.plan.acceptance.AcceptanceCase.converges;
import static io.driftgate.plan.acceptance.AcceptanceCase.noDrift;
import static io.driftgate.plan.acceptance.AcceptanceCase.refusedByData;
import static io.driftgate.plan.acceptance.AcceptanceCase.unrepairable;

/** Primary, unique and foreign keys, checks and indexes. */
final class ConstraintCases {

    private static final String USERS = "create table app_user (id bigint primary key, email text);";

    private ConstraintCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                converges("primary key missing", "create table t (id int not null); insert into t values (1), (2);",
                        "create table t (id int primary key);", Set.of(), "PRIMARY KEY"),
                refusedByData("primary key over duplicates", "create table t (id int not null); insert into t values (1), (1);",
                        "create table t (id int primary key);", Set.of()),
                refusedByData("primary key over NULLs", "create table t (id int); insert into t values (null);",
                        "create table t (id int primary key);", Set.of()),
                converges("composite primary key missing", "create table t (a int not null, b int not null);",
                        "create table t (a int not null, b int not null, primary key (a, b));", Set.of()),
                unrepairable("primary key on other columns", "create table t (a int primary key, b int not null);",
                        "create table t (a int not null, b int primary key);"),
                converges("unique missing", USERS + " insert into app_user values (1, 'a@x'), (2, 'b@x');",
                        "create table app_user (id bigint primary key, email text unique);", Set.of(), "UNIQUE"),
                refusedByData("unique over duplicates", USERS + " insert into app_user values (1, 'a@x'), (2, 'a@x');",
                        "create table app_user (id bigint primary key, email text unique);", Set.of()),
                converges("unique over NULLs is fine", USERS + " insert into app_user values (1, null), (2, null);",
                        "create table app_user (id bigint primary key, email text unique);", Set.of()),
                noDrift("unique index satisfies a unique constraint", USERS + " create unique index app_user_email_idx on app_user(email);",
                        "create table app_user (id bigint primary key, email text unique);"),
                noDrift("constraint names generated differently",
                        "create table app_user (id bigint constraint pk_custom primary key, email text constraint uk_custom unique);",
                        "create table app_user (id bigint primary key, email text unique);"),
                converges("foreign key missing", USERS + " create table candidate (id bigint primary key, user_id bigint);"
                                + " insert into app_user values (1, 'a'); insert into candidate values (1, 1), (2, null);",
                        USERS + " create table candidate (id bigint primary key, user_id bigint references app_user(id));",
                        Set.of(), "FOREIGN KEY"),
                refusedByData("foreign key over orphans", USERS + " create table candidate (id bigint primary key, user_id bigint);"
                                + " insert into candidate values (1, 99);",
                        USERS + " create table candidate (id bigint primary key, user_id bigint references app_user(id));", Set.of()),
                converges("foreign key to a table the plan creates", "create table candidate (id bigint primary key, user_id bigint);",
                        USERS + " create table candidate (id bigint primary key, user_id bigint references app_user(id));", Set.of()),
                refusedByData("foreign key to a table the plan creates, over rows pointing nowhere",
                        "create table candidate (id bigint primary key, user_id bigint); insert into candidate values (1, 7);",
                        USERS + " create table candidate (id bigint primary key, user_id bigint references app_user(id));", Set.of()),
                refusedByData("unique over a column the plan adds with a constant default",
                        "create table t (id int primary key); insert into t values (1), (2);",
                        "create table t (id int primary key, code text default 'x' unique);", Set.of()),
                converges("foreign key with ON DELETE CASCADE missing", USERS + " create table job (id int primary key, user_id bigint);",
                        USERS + " create table job (id int primary key, user_id bigint references app_user(id) on delete cascade);",
                        Set.of(), "ON DELETE CASCADE"),
                converges("foreign key actions differ", USERS
                                + " create table job (id int primary key, user_id bigint references app_user(id));",
                        USERS + " create table job (id int primary key, user_id bigint references app_user(id) on delete set null);",
                        Set.of(DROPS_OBJECT), "DROP CONSTRAINT"),
                converges("deferrable foreign key", USERS + " create table job (id int primary key, user_id bigint);",
                        USERS + " create table job (id int primary key, user_id bigint references app_user(id) deferrable initially deferred);",
                        Set.of(), "DEFERRABLE"),
                converges("self-referencing foreign key", "create table node (id int primary key, parent_id int);",
                        "create table node (id int primary key, parent_id int references node(id));", Set.of()),
                converges("check missing", "create table t (id int primary key, wage numeric); insert into t values (1, 10);",
                        "create table t (id int primary key, wage numeric check (wage >= 0));", Set.of(), "CHECK"),
                refusedByData("check over rows that break it", "create table t (id int primary key, wage numeric); insert into t values (1, -5);",
                        "create table t (id int primary key, wage numeric check (wage >= 0));", Set.of()),
                noDrift("check with another name", "create table t (wage numeric constraint wage_positive check (wage >= 0));",
                        "create table t (wage numeric check (wage >= 0));"),
                converges("index missing", "create table t (a int, b int);", "create table t (a int, b int); create index t_a_idx on t(a);",
                        Set.of(), "CREATE INDEX t_a_idx"),
                noDrift("index with another name, same definition", "create table t (a int); create index other_name on t(a);",
                        "create table t (a int); create index t_a_idx on t(a);"),
                converges("unique index missing", "create table t (a int); insert into t values (1), (2);",
                        "create table t (a int); create unique index t_a_key on t(a);", Set.of(), "CREATE UNIQUE INDEX"),
                refusedByData("unique index over duplicates", "create table t (a int); insert into t values (1), (1);",
                        "create table t (a int); create unique index t_a_key on t(a);", Set.of()),
                converges("partial index missing", "create table t (a int, active boolean);",
                        "create table t (a int, active boolean); create index t_active_idx on t(a) where active;", Set.of(), "WHERE"),
                converges("expression index missing", "create table t (email text);",
                        "create table t (email text); create index t_lower_email on t(lower(email));", Set.of(), "lower"),
                converges("multi-column index with INCLUDE", "create table t (a int, b int, c int);",
                        "create table t (a int, b int, c int); create index t_ab on t(a, b) include (c);", Set.of(), "INCLUDE"),
                converges("gin index", "create table t (data jsonb);",
                        "create table t (data jsonb); create index t_data on t using gin (data);", Set.of(), "gin"),
                converges("index definition differs under the same name", "create table t (a int, b int); create index t_idx on t(a);",
                        "create table t (a int, b int); create index t_idx on t(b);", Set.of(DROPS_OBJECT)),
                converges("unique index with predicate", "create table t (a int, deleted boolean); insert into t values (1, true), (1, true), (1, false);",
                        "create table t (a int, deleted boolean); create unique index t_live on t(a) where not deleted;",
                        Set.of(), "WHERE"),
                refusedByData("unique index with predicate over duplicates it covers",
                        "create table t (a int, deleted boolean); insert into t values (1, false), (1, false);",
                        "create table t (a int, deleted boolean); create unique index t_live on t(a) where not deleted;", Set.of()),
                refusedByData("unique expression index over duplicates", "create table t (email text); insert into t values ('A@x'), ('a@x');",
                        "create table t (email text); create unique index t_email on t(lower(email));", Set.of()),
                converges("extra index and constraint are kept",
                        "create table t (a int, b int check (b > 0)); create index t_b_idx on t(b);",
                        "create table t (a int, b int); create index t_a_idx on t(a);", Set.of()));
    }
}
