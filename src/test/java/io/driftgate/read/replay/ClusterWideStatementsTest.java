package io.driftgate.read.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan that keeps server-wide statements off the target's cluster: what it finds, and what it must not. */
class ClusterWideStatementsTest {

    @Test
    void findsServerWideStatementsWithTheirLine() {
        String sql = """
                CREATE TABLE t (id int);
                -- CREATE ROLE in a comment is not a statement
                /* nor /* nested */ CREATE DATABASE here */
                create
                  role reporting login;
                ALTER SYSTEM SET work_mem = '64MB';
                GRANT reporting TO app;
                GRANT SELECT ON t TO reporting;
                GRANT CONNECT ON DATABASE app TO reporting;
                CREATE USER MAPPING FOR current_user SERVER s;
                CREATE TABLESPACE fast LOCATION '/ssd';
                COMMENT ON DATABASE app IS 'x';
                SECURITY LABEL FOR selinux ON TABLE t IS 'x';
                DROP OWNED BY old_role;
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity;
                """;

        assertThat(ClusterWideStatements.scan("V3__roles.sql", sql)).extracting(ClusterWideStatements.Finding::where)
                .containsExactly("V3__roles.sql:4", "V3__roles.sql:6", "V3__roles.sql:7", "V3__roles.sql:9",
                        "V3__roles.sql:11", "V3__roles.sql:12", "V3__roles.sql:13", "V3__roles.sql:14", "V3__roles.sql:15");
    }

    @Test
    void looksIntoFunctionBodiesAndDoBlocksButNotIntoData() {
        String sql = """
                INSERT INTO notes VALUES ('remember to CREATE ROLE x'), ($$ALTER SYSTEM is data here$$ || '');
                CREATE FUNCTION ok() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
                DO $body$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'r') THEN
                    EXECUTE 'CREATE ROLE r';
                  END IF;
                END
                $body$;
                DO 'BEGIN EXECUTE ''ALTER ROLE r SUPERUSER''; END';
                """;

        assertThat(ClusterWideStatements.scan("V4.sql", sql)).extracting(ClusterWideStatements.Finding::where)
                // fail-closed: a dollar-quoted string is searched even where it is data (line 1)
                .containsExactly("V4.sql:1", "V4.sql:6", "V4.sql:10");
    }

    @Test
    void ordinaryMigrationsPass() {
        String sql = """
                CREATE TABLE "Role" (id int, "create role" text DEFAULT 'CREATE ROLE');
                CREATE INDEX CONCURRENTLY i ON "Role" (id);
                ALTER TABLE "Role" OWNER TO CURRENT_USER;
                GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO PUBLIC;
                ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
                CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql AS $f$ SELECT count(*) FROM app_user $f$;
                SELECT pg_sleep(0.1), $1 FROM t WHERE a$b = 1;
                """;

        assertThat(ClusterWideStatements.scan("V5.sql", sql)).isEmpty();
    }
}
