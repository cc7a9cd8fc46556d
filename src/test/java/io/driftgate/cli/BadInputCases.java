package io.driftgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.driftgate.cli.BadInputCatalogueTest.args;
import static io.driftgate.cli.BadInputs.APP;
import static io.driftgate.cli.BadInputs.Invocation.of;
import static io.driftgate.cli.BadInputs.mayChange;
import static io.driftgate.cli.BadInputs.nothingChanges;
import static io.driftgate.cli.ExitCodes.BAD_INPUT;
import static io.driftgate.cli.ExitCodes.DATABASE;
import static io.driftgate.cli.ExitCodes.REFUSED;

/** The bad inputs, by kind. Each name says what is wrong; each case says what must be said and the exit it gets. */
final class BadInputCases {

    private static final String V6 = "V6__add_note.sql";
    /** Same name as the app's V3, so appPlus replaces it (files are copied after the case's own). */
    private static final String V3_REPLACED = "V3__add_candidate_expected_wage.sql";
    private static final String ADD_NOTE = "ALTER TABLE candidate ADD COLUMN note text;";

    private BadInputCases() {
    }

    static List<BadInputs.Case> connection() {
        return List.of(
                nothingChanges("no url and no DATABASE_URL", BAD_INPUT, c -> of(args("plan", "--locations", APP), "no database given")),
                nothingChanges("mysql url", BAD_INPUT, c -> of(args("plan", "--url", "mysql://u:" + c.secret() + "@127.0.0.1/db",
                        "--locations", APP), "not a PostgreSQL URL")),
                nothingChanges("url that is not a url", BAD_INPUT, c -> of(args("plan", "--url", "localhost:5432", "--locations", APP))),
                nothingChanges("postgres url with a port that is not a number", BAD_INPUT, c -> of(args("plan", "--url",
                        "postgres://app@127.0.0.1:54x2/db", "--locations", APP), "port")),
                nothingChanges("jdbc url with a port out of range", BAD_INPUT, c -> of(args("plan", "--url",
                        "jdbc:postgresql://127.0.0.1:99999/db", "--locations", APP))),
                nothingChanges("postgres url with a raw slash in the password", BAD_INPUT, c -> of(args("migrate", "--url",
                        "postgres://app:Sekr3t/" + c.secret().replaceAll("[^A-Za-z0-9]", "") + "@127.0.0.1:5432/db", "--locations", APP), "%2F")),
                nothingChanges("jdbc url with a socket timeout of zero", BAD_INPUT, c -> of(args("plan", "--url",
                        BadInputs.Context.withQuery(c.url(), "socketTimeout=0"), "--locations", APP), "socketTimeout")),
                nothingChanges("jdbc url with a login timeout of a day", BAD_INPUT, c -> of(args("plan", "--url",
                        "jdbc:postgresql://127.0.0.1:1/db?loginTimeout=86400", "--locations", APP), "loginTimeout")),
                nothingChanges("postgres url with a connect timeout that is not a number", BAD_INPUT, c -> of(args("plan", "--url",
                        "postgres://app@127.0.0.1/db?connectTimeout=soon", "--locations", APP), "connectTimeout")),
                nothingChanges("jdbc url with an sslmode no driver knows", BAD_INPUT, c -> of(args("plan", "--url",
                        BadInputs.Context.withQuery(c.url(), "sslmode=bogus"), "--password", c.password(), "--locations", APP), "sslmode")),
                nothingChanges("closed port, jdbc", DATABASE, c -> of(args("plan", "--url", "jdbc:postgresql://127.0.0.1:1/db",
                        "--password", c.secret(), "--locations", APP), "127.0.0.1:1")),
                nothingChanges("closed port, password in postgres url", DATABASE, c -> of(args("migrate", "--url",
                        "postgres://app:" + c.secret().replaceAll("[^A-Za-z0-9]", "") + "@127.0.0.1:1/db", "--locations", APP))),
                nothingChanges("closed port, password in jdbc query", DATABASE, c -> of(args("plan", "--url",
                        "jdbc:postgresql://127.0.0.1:1/db?user=app&password=" + c.secret().replaceAll("[^A-Za-z0-9]", ""),
                        "--locations", APP))),
                nothingChanges("database that does not exist", DATABASE, c -> of(args("plan", "--url",
                        c.db().settings().withDatabase("no_such_database_x").jdbcUrl(), "--password", c.password(), "--locations", APP),
                        "no_such_database_x")),
                nothingChanges("role that does not exist", DATABASE, c -> of(args("migrate", "--url", c.url(), "--user", "no_such_role_x",
                        "--password", c.secret(), "--locations", APP), "no_such_role_x")),
                nothingChanges("shadow url that is not a url", BAD_INPUT, c -> of(c.command("plan", APP, "--shadow-url", "shadow"))),
                nothingChanges("shadow url on a closed port", DATABASE, c -> of(c.command("plan", APP, "--shadow-url",
                        "jdbc:postgresql://127.0.0.1:1/shadow"))),
                nothingChanges("shadow url that is not empty", BAD_INPUT, c -> {
                    String shadow = c.shadowWith("CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1);");
                    return of(c.command("plan", c.uncachedApp(), "--shadow-url", shadow), "not empty");
                }),
                nothingChanges("shadow url that is the target itself", BAD_INPUT, c -> of(c.command("plan", APP, "--shadow-url", c.urlWithCredentials()))),
                nothingChanges("shadow url that is the empty target itself", BAD_INPUT, c -> {
                    c.dropAll();
                    return of(c.command("plan", APP, "--shadow-url", c.urlWithCredentials()), "target");
                }),
                nothingChanges("shadow url holding only a function and an enum", BAD_INPUT, c -> {
                    String shadow = c.shadowWith("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 42';"
                            + " CREATE TYPE mood AS ENUM ('a', 'b');");
                    return of(c.command("plan", c.uncachedApp(), "--shadow-url", shadow), "not empty");
                }));
    }

    static List<BadInputs.Case> locations() {
        return List.of(
                nothingChanges("locations folder that does not exist", BAD_INPUT, c -> of(c.command("plan", "no/such/folder"))),
                nothingChanges("locations folder that is empty", BAD_INPUT, c -> of(c.command("plan", c.migrations()), "no migrations found")),
                nothingChanges("locations folder with only a lowercase v file", BAD_INPUT, c -> of(c.command("plan",
                        c.migrations("v1_create.sql", "CREATE TABLE x (id int);")))),
                nothingChanges("a misnamed V6 with one underscore beside the app", BAD_INPUT, c -> of(c.command("plan",
                        c.appPlus("V6_add_note.sql", ADD_NOTE)), "V6_add_note.sql")),
                nothingChanges("a misnamed lowercase v6 beside the app", BAD_INPUT, c -> of(c.command("migrate",
                        c.appPlus("v6__add_note.sql", ADD_NOTE)), "v6__add_note.sql")),
                nothingChanges("location with an unknown prefix", BAD_INPUT, c -> of(c.command("plan", "bogus:somewhere"))),
                nothingChanges("location that is a file", BAD_INPUT, c -> of(c.command("plan", APP + "/V1__create_app_user.sql"))),
                nothingChanges("classpath location with nothing there", BAD_INPUT, c -> of(c.command("plan", "classpath:no/such/place"))),
                nothingChanges("empty locations value", BAD_INPUT, c -> of(c.command("plan", ""))),
                nothingChanges("migration that fails on an empty database", BAD_INPUT, c -> of(c.command("migrate",
                        c.appPlus(V6, "ALTER TABLE no_such_table ADD COLUMN x int;")), "V6")),
                nothingChanges("migration with a syntax error", BAD_INPUT, c -> of(c.command("plan",
                        c.appPlus(V6, "ALTER TABLE candidate ADD COLUM note text;")), "V6")),
                nothingChanges("two migrations with one version", BAD_INPUT, c -> of(c.command("plan",
                        c.appPlus(V6, ADD_NOTE, "V6__other.sql", "SELECT 1;")), "version 6")),
                nothingChanges("migration with an unresolved placeholder", BAD_INPUT, c -> of(c.command("plan",
                        c.appPlus(V6, "ALTER TABLE candidate ADD COLUMN ${column_name} text;")), "placeholder")),
                nothingChanges("plan of migrations creating a role", REFUSED, c -> of(c.command("plan",
                        c.appPlus(V6, "CREATE ROLE driftgate_catalogue_role;"), "--shadow-on-target"), "V6", "CREATE ROLE")),
                nothingChanges("shadow url naming the target's server by another host name, with a role migration", REFUSED, c -> {
                    String shadow = c.shadowWith("SELECT 1").replace("127.0.0.1", "localhost");
                    return of(c.command("plan", c.appPlus(V6, "CREATE ROLE driftgate_catalogue_role2;"), "--shadow-url", shadow),
                            "CREATE ROLE");
                }),
                nothingChanges("sql callback creating a role under shadow-on-target", ExitCodes.DRIFT, c -> of(c.command("plan",
                        c.appPlus("afterMigrate.sql", "CREATE ROLE driftgate_catalogue_role3;"), "--shadow-on-target"))),
                nothingChanges("plan of migrations creating a database", REFUSED, c -> of(c.command("plan",
                        c.appPlus(V6, "CREATE DATABASE driftgate_catalogue_db;"), "--shadow-on-target"), "V6", "CREATE DATABASE")));
    }

    static List<BadInputs.Case> options() {
        return List.of(
                nothingChanges("schemas naming a schema that exists nowhere", BAD_INPUT, c -> of(c.command("plan", APP,
                        "--schemas", "public,no_such_schema"), "no_such_schema")),
                nothingChanges("schemas mistyped while the tables are in public", ExitCodes.OK, c -> of(c.command("plan", APP,
                        "--schemas", "pubilc"), "WARNING: the database has no schema pubilc", "public")),
                nothingChanges("schemas empty", BAD_INPUT, c -> of(c.command("plan", APP, "--schemas", ""))),
                nothingChanges("assume-applied naming no migration", BAD_INPUT, c -> of(c.command("plan", APP, "--assume-applied", "99"),
                        "--assume-applied 99")),
                nothingChanges("rerun that is not a version", BAD_INPUT, c -> of(c.command("migrate", APP, "--rerun", "abc"), "--rerun abc")),
                nothingChanges("rerun naming no migration", BAD_INPUT, c -> of(c.command("migrate", APP, "--rerun", "4.5"), "4.5")),
                nothingChanges("lock timeout zero", BAD_INPUT, c -> of(c.command("migrate", APP, "--lock-timeout", "0"), "--lock-timeout")),
                nothingChanges("lock timeout negative", BAD_INPUT, c -> of(c.command("migrate", APP, "--lock-timeout", "-5"), "--lock-timeout")),
                nothingChanges("lock timeout not a number", BAD_INPUT, c -> of(c.command("migrate", APP, "--lock-timeout", "abc"))),
                nothingChanges("lock timeout absurdly long", BAD_INPUT, c -> of(c.command("migrate", APP, "--lock-timeout", "99999999999"))),
                nothingChanges("allow naming no hazard", BAD_INPUT, c -> of(c.command("migrate", APP, "--allow", "EVERYTHING"), "not a hazard")),
                nothingChanges("allow empty", BAD_INPUT, c -> of(c.command("migrate", APP, "--allow", ""))),
                nothingChanges("format unknown", BAD_INPUT, c -> of(c.command("plan", APP, "--format", "yaml"))),
                nothingChanges("unknown option", BAD_INPUT, c -> of(c.command("plan", APP, "--frobnicate"), "--frobnicate")),
                nothingChanges("unknown command", BAD_INPUT, c -> of(args("deploy", "--url", c.url()))),
                nothingChanges("option without its value", BAD_INPUT, c -> of(args("plan", "--url"))),
                nothingChanges("naming strategy unknown", BAD_INPUT, c -> of(args("check", "--locations", APP, "--entities",
                        "target/test-classes", "--naming", "hibernate"))),
                nothingChanges("check with neither entities nor database", BAD_INPUT, c -> of(args("check", "--locations", APP),
                        "nothing to compare")),
                nothingChanges("check with an entities path that does not exist", BAD_INPUT, c -> of(args("check", "--locations", APP,
                        "--entities", "no/such/classes"), "no/such/classes")),
                nothingChanges("check with an entities folder holding no entities", BAD_INPUT, c -> of(args("check", "--locations", APP,
                        "--entities", c.dir().toString()))),
                nothingChanges("check with entity packages that hold no entity", BAD_INPUT, c -> of(args("check", "--locations", APP,
                        "--entities", "target/test-classes", "--entity-packages", "no.such.pkg"), "no.such.pkg")),
                nothingChanges("repair of a database the role may not change", DATABASE, c -> {
                    String role = c.readOnlyRole();
                    return of(args("repair", "--url", c.url(), "--user", role, "--password", c.password(), "--locations", APP));
                }));
    }

    static List<BadInputs.Case> history() {
        return List.of(
                nothingChanges("applied migration edited to add an update", REFUSED, c -> {
                    c.dropAll();
                    c.flywayMigrate(APP, "5");
                    String edited = c.appPlus();
                    Files.writeString(Path.of(edited, "V2__create_candidate.sql"), Files.readString(Path.of(APP, "V2__create_candidate.sql"))
                            + "\nUPDATE candidate SET status = 'NEW';\n");
                    return of(c.command("migrate", edited), "V2", "changes data");
                }),
                nothingChanges("applied migration edited and its effects absent", REFUSED, c -> {
                    c.dropAll();
                    c.flywayMigrate(APP, "5");
                    String edited = c.appPlus();
                    Path v3 = Path.of(edited, V3_REPLACED);
                    Files.writeString(v3, Files.readString(v3) + "\nALTER TABLE app_user ADD COLUMN nickname text;\n");
                    return of(c.command("migrate", edited), "V3", "edited");
                }),
                nothingChanges("not null over existing nulls", REFUSED, c -> of(c.command("migrate", c.appPlus(V3_REPLACED,
                        "ALTER TABLE candidate ADD COLUMN expected_wage numeric(10,2) NOT NULL DEFAULT 0;")), "null")),
                nothingChanges("unique over duplicates", REFUSED, c -> {
                    c.sql("UPDATE candidate SET full_name = 'Same';");
                    return of(c.command("migrate", c.appPlus(V3_REPLACED, "ALTER TABLE candidate ADD COLUMN expected_wage numeric(10,2);"
                            + " CREATE UNIQUE INDEX candidate_name_key ON candidate (full_name);")), "duplicate");
                }),
                nothingChanges("a second location that does not exist", BAD_INPUT, c -> of(c.command("migrate", APP + ",no/such/second"),
                        "no/such/second")),
                nothingChanges("a data migration pending over a drifted schema", REFUSED, c -> of(c.command("migrate",
                        c.appPlus(V3_REPLACED, "ALTER TABLE candidate ADD COLUMN expected_wage numeric(10,2);\n"
                                + "UPDATE candidate SET expected_wage = 0 WHERE expected_wage IS NULL;")), "changes data")),
                nothingChanges("an invalid index a failed concurrent build left is no proof", REFUSED, c -> {
                    c.dropAll();
                    c.flywayMigrate(APP, "5");
                    c.sql("INSERT INTO app_user (email) VALUES ('a@x'), ('b@x');"
                            + " INSERT INTO candidate (user_id, full_name) VALUES (1, 'A'), (2, 'A');");
                    try {
                        c.sql("CREATE UNIQUE INDEX CONCURRENTLY cand_name ON candidate (full_name);");
                    } catch (java.sql.SQLException expected) {
                        // the duplicate fails the build and leaves cand_name INVALID, as a killed or failed deploy would
                    }
                    c.sql("UPDATE candidate SET full_name = 'B' WHERE user_id = 2;");
                    return of(c.command("migrate", c.appPlus(V6, "CREATE UNIQUE INDEX CONCURRENTLY cand_name ON candidate (full_name);")),
                            "INVALID", "cand_name");
                }),
                mayChange("pending migration failing on existing data after a repair", DATABASE, c -> {
                    c.sql("INSERT INTO app_user (email) VALUES ('c@example.com');");
                    c.afterwards(run -> org.assertj.core.api.Assertions.assertThat(run.out() + run.err())
                            .contains("Committed by this run", "V3", "Rolled back: V6", "still pending: V6")
                            .doesNotContain("nothing was changed"));
                    return of(c.command("migrate", c.appPlus(V6, "ALTER TABLE candidate ADD CONSTRAINT wage_known CHECK (expected_wage IS NOT NULL);")),
                            "V6");
                }));
    }

    static List<BadInputs.Case> commands() {
        return List.of(
                nothingChanges("scenarios folder that does not exist", BAD_INPUT, c -> of(args("scenarios", "no/such/scenarios"))),
                nothingChanges("scenarios folder that is empty", BAD_INPUT, c -> of(args("scenarios", c.dir().toString()), "no scenario")),
                nothingChanges("scenarios threads zero", BAD_INPUT, c -> of(args("scenarios", "fixtures/scenarios", "--threads", "0"))),
                nothingChanges("scenario file that is malformed", BAD_INPUT, c -> {
                    Path s = Files.createDirectories(c.dir().resolve("broken"));
                    Files.writeString(s.resolve("scenario.yaml"), "description: [unclosed\n");
                    return of(args("scenarios", c.dir().toString()), "scenario.yaml");
                }),
                nothingChanges("junit xml into a folder that cannot be written", BAD_INPUT, c -> of(args("scenarios", "fixtures/scenarios",
                        "--junit-xml", "/proc/driftgate/results.xml"))),
                nothingChanges("snapshot before it exists", BAD_INPUT, c -> of(c.command("snapshot", APP))),
                nothingChanges("preview without a snapshot", BAD_INPUT, c -> of(args("preview", "--locations", APP))),
                nothingChanges("schemas naming a quoted schema that exists nowhere", BAD_INPUT, c -> of(c.command("plan", APP,
                        "--schemas", "public,Bad Name"), "Bad Name")));
    }
}
