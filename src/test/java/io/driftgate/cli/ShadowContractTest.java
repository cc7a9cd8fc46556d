package io.driftgate.cli;

import io.driftgate.db.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.driftgate.cli.ShadowServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan} and {@code check} change nothing on the user's server, and a given shadow is never emptied:
 * the CLI in process against the PostgreSQL at 5432 (the user's), driftgate's own PostgreSQL embedded.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShadowContractTest {

    private static final String APP = "fixtures/app/db/migration";

    private static String uniqueRole() {
        return "dg_ct_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static List<String> newShadows(List<String> before) {
        List<String> added = new ArrayList<>(ShadowServer.shadows().keySet());
        added.removeAll(before);
        return added;
    }

    @Test
    void planWithACreateRoleMigrationCreatesNoRoleAndNoDatabaseOnTheUsersServer() throws Exception {
        String role = uniqueRole();
        Path migrations = ShadowServer.migrations("V1__table.sql", "CREATE TABLE t (id int);",
                "V2__role.sql", "CREATE ROLE " + role + " NOLOGIN;\nALTER ROLE " + role + " SET work_mem = '8MB';");
        ConnectionSettings target = ShadowServer.newDatabase("dg_ct_target");
        try {
            List<String> roles = ShadowServer.roles();
            List<String> shadows = List.copyOf(ShadowServer.shadows().keySet());

            CliRun plan = CliRun.of("plan", "--url", target.jdbcUrl(), "--user", target.user(), "--locations", migrations.toString());
            CliRun check = CliRun.of("check", "--url", target.jdbcUrl(), "--user", target.user(), "--locations", migrations.toString());

            // with DRIFTGATE_PG=external pointing at this same server, driftgate's own PostgreSQL is the user's: refused
            boolean providerIsThisServer = io.driftgate.db.DatabaseIdentity.of(target)
                    .sameServerAs(io.driftgate.db.DatabaseIdentity.of(io.driftgate.providers.SharedPostgres.server().admin()));
            Integer[] expected = providerIsThisServer ? new Integer[] {ExitCodes.REFUSED} : new Integer[] {ExitCodes.OK, ExitCodes.DRIFT};
            assertThat(plan.exit()).as(plan.err()).isIn((Object[]) expected);
            assertThat(check.exit()).as(check.err()).isIn((Object[]) expected);
            assertThat(ShadowServer.roles()).isEqualTo(roles).doesNotContain(role);
            assertThat(newShadows(shadows)).isEmpty();
            assertThat(ShadowServer.column(target, "SELECT count(*) FROM pg_class WHERE oid >= 16384")).containsExactly("0");
        } finally {
            ShadowServer.drop(target);
        }
    }

    @Test
    void onTheTargetsServerAMigrationWithCreateRoleIsRefusedNamingFileAndLineBeforeAnythingRuns() throws Exception {
        String role = uniqueRole();
        Path migrations = ShadowServer.migrations("V1__table.sql", "CREATE TABLE t (id int);",
                "V2__role.sql", "CREATE TABLE u (id int);\n\n  CREATE ROLE " + role + ";");
        ConnectionSettings target = ShadowServer.newDatabase("dg_ct_target");
        try {
            List<String> roles = ShadowServer.roles();
            List<String> shadows = List.copyOf(ShadowServer.shadows().keySet());

            CliRun plan = CliRun.of("plan", "--url", target.jdbcUrl(), "--user", target.user(), "--locations",
                    migrations.toString(), "--shadow-on-target");

            assertThat(plan.exit()).as(plan.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(plan.err()).contains("V2__role.sql:4", "CREATE ROLE " + role, "Nothing was run", "--shadow-on-target");
            assertThat(ShadowServer.roles()).isEqualTo(roles);
            assertThat(newShadows(shadows)).isEmpty();
        } finally {
            ShadowServer.drop(target);
        }
    }

    @Test
    void aGivenShadowWithOnlyAFunctionAndAnEnumIsRefusedAndKeepsBoth() throws Exception {
        ConnectionSettings target = ShadowServer.newDatabase("dg_ct_target");
        ConnectionSettings shadow = ShadowServer.newDatabase("dg_ct_given");
        try {
            ShadowServer.execute(shadow, "create function f() returns int language sql as 'select 42'; "
                    + "create type mood as enum ('a','b')");

            CliRun plan = CliRun.of("plan", "--url", target.jdbcUrl(), "--user", target.user(), "--locations",
                    ShadowServer.migrations("V1__table.sql", "CREATE TABLE t (id int);").toString(),
                    "--shadow-url", shadow.jdbcUrl());

            assertThat(plan.exit()).as(plan.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(plan.err()).contains("not empty", "public.f()", "public.mood");
            assertThat(ShadowServer.column(shadow, "SELECT f()::text")).containsExactly("42");
            assertThat(ShadowServer.column(shadow, "SELECT count(*) FROM pg_type WHERE typname = 'mood'")).containsExactly("1");
        } finally {
            ShadowServer.drop(shadow);
            ShadowServer.drop(target);
        }
    }

    @Test
    void anEmptyGivenShadowIsUsedAndKeepsWhatTheReplayBuilt() throws Exception {
        ConnectionSettings target = ShadowServer.newDatabase("dg_ct_target");
        ConnectionSettings shadow = ShadowServer.newDatabase("dg_ct_given");
        try {
            CliRun plan = CliRun.of("plan", "--url", target.jdbcUrl(), "--user", target.user(), "--locations",
                    ShadowServer.migrations("V1__table.sql", "CREATE TABLE t (id int);").toString(),
                    "--shadow-url", shadow.jdbcUrl());

            assertThat(plan.exit()).as(plan.err()).isIn(ExitCodes.OK, ExitCodes.DRIFT);
            // never cleaned: driftgate cannot prove that everything in a database it did not create is its own
            assertThat(ShadowServer.column(shadow, "SELECT count(*) FROM pg_class WHERE relname = 't'")).containsExactly("1");
        } finally {
            ShadowServer.drop(shadow);
            ShadowServer.drop(target);
        }
    }

    @Test
    void aReadOnlyRolePlansAndChecks() throws Exception {
        String role = "dg_ct_readonly_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ConnectionSettings target = ShadowServer.newDatabase("dg_ct_target");
        try {
            ShadowServer.execute(target, java.nio.file.Files.readString(Path.of(APP, "V1__create_app_user.sql")));
            // CREATEDB but read-only: the role used to be sent to CREATE DATABASE on the target, which fails read-only
            ShadowServer.execute(ADMIN, "CREATE ROLE " + role + " LOGIN CREATEDB NOCREATEROLE; ALTER ROLE " + role
                    + " SET default_transaction_read_only = on; GRANT CONNECT ON DATABASE " + target.database() + " TO " + role);
            ShadowServer.execute(target, "GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
            List<String> databases = ShadowServer.databases();

            CliRun plan = CliRun.of("plan", "--url", target.jdbcUrl(), "--user", role, "--locations", APP);
            CliRun check = CliRun.of("check", "--url", target.jdbcUrl(), "--user", role, "--locations", APP);

            assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.DRIFT);
            assertThat(plan.out()).contains("candidate");
            assertThat(check.exit()).as(check.out() + check.err()).isEqualTo(ExitCodes.DRIFT);
            assertThat(ShadowServer.databases()).isEqualTo(databases);
        } finally {
            ShadowServer.drop(target);
            ShadowServer.execute(ADMIN, "DROP ROLE IF EXISTS " + role);
        }
    }
}
