package io.driftgate.read.replay;

import io.driftgate.failure.DriftgateException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements that reach beyond one database: roles, tablespaces, databases, server settings,
 * subscriptions, other sessions, the server's files. A temporary shadow on the target's server shares the
 * cluster with production, so a replay of such a statement would change production; those migrations are
 * refused before anything runs. Fail-closed: Java migrations (unreadable) and scripts that cannot be read
 * are refused too, and code in function bodies is searched as text. Not caught: SQL built at run time
 * from pieces ({@code EXECUTE 'CREATE ' || 'ROLE …'}); that is why the default shadow is not on the target.
 */
final class ClusterWideStatements {

    /** A statement's leading words that act on the cluster. */
    private static final Pattern LEADING = Pattern.compile(String.join("|",
            "^(CREATE|ALTER|DROP) (ROLE|GROUP|TABLESPACE|DATABASE|SUBSCRIPTION)\\b",
            "^(CREATE|ALTER|DROP) USER\\b(?! MAPPING\\b)",
            "^ALTER SYSTEM\\b",
            "^(REASSIGN|DROP) OWNED\\b",
            "^COMMENT ON (DATABASE|ROLE|TABLESPACE)\\b",
            "^SECURITY LABEL\\b",
            // GRANT/REVOKE without ON is role membership; ON DATABASE/TABLESPACE/PARAMETER are shared objects
            "^(GRANT|REVOKE)\\b(?!.*\\bON\\b)",
            "^(GRANT|REVOKE)\\b.*\\bON (DATABASE|TABLESPACE|PARAMETER)\\b",
            "^COPY\\b.*\\b(TO|FROM) (PROGRAM\\b|'')"));
    /** Anywhere in a statement or function body: functions that act on other sessions, the server or others. */
    private static final Pattern FUNCTIONS = Pattern.compile("\\b(PG_TERMINATE_BACKEND|PG_CANCEL_BACKEND|PG_RELOAD_CONF"
            + "|PG_ROTATE_LOGFILE|PG_(CREATE|DROP)_\\w*REPLICATION_SLOT|PG_FILE_WRITE|PG_FILE_UNLINK|PG_FILE_RENAME"
            + "|LO_EXPORT|LO_IMPORT|DBLINK\\w*|PG_PROMOTE|PG_SWITCH_WAL)\\s*\\(");
    /** In function bodies (and DO blocks) the same statements, found as text wherever they stand. */
    private static final Pattern IN_BODY = Pattern.compile(String.join("|",
            "\\b(CREATE|ALTER|DROP)\\s+(ROLE|GROUP|TABLESPACE|DATABASE|SUBSCRIPTION)\\b",
            "\\b(CREATE|ALTER|DROP)\\s+USER\\b(?!\\s+MAPPING\\b)",
            "\\bALTER\\s+SYSTEM\\b",
            "\\b(REASSIGN|DROP)\\s+OWNED\\b",
            "\\bCOMMENT\\s+ON\\s+(DATABASE|ROLE|TABLESPACE)\\b",
            "\\bSECURITY\\s+LABEL\\b",
            "\\b(GRANT|REVOKE)\\b(?:(?!\\bON\\b)[^;])*?\\b(TO|FROM)\\b",
            "\\b(GRANT|REVOKE)\\b[^;]*?\\bON\\s+(DATABASE|TABLESPACE|PARAMETER)\\b"));
    private static final Pattern CODE_STATEMENT = Pattern.compile("^(DO\\b|CREATE (OR REPLACE )?(FUNCTION|PROCEDURE)\\b)");
    private static final int SHOWN = 5;

    /** One statement that must not run on the target's cluster. */
    record Finding(String where, String statement) {
        @Override
        public String toString() {
            return where + ": " + statement;
        }
    }

    private ClusterWideStatements() {
    }

    /** Refuses (exit 2) when any migration holds a cluster-wide statement; nothing has run yet. */
    static void refuseAny(List<MigrationInfo> migrations, Configuration configuration, String server) {
        List<Finding> findings = new ArrayList<>();
        for (MigrationInfo migration : migrations) {
            findings.addAll(find(migration, configuration));
        }
        if (!findings.isEmpty()) {
            List<String> shown = findings.stream().limit(SHOWN).map(Finding::toString).toList();
            throw DriftgateException.refused("The replay would run the migrations on the target's server "
                    + server + " (--shadow-on-target, or a --shadow-url on that server), but these statements act on the whole server (roles, tablespaces, databases, settings) "
                    + "and would change it for real: " + String.join("; ", shown)
                    + (findings.size() > SHOWN ? "; and " + (findings.size() - SHOWN) + " more" : "")
                    + ". Nothing was run. Leave out --shadow-on-target (the replay then runs in driftgate's own PostgreSQL), "
                    + "or give --shadow-url a database on a server of its own.");
        }
    }

    static List<Finding> find(MigrationInfo migration, Configuration configuration) {
        String script = migration.getScript();
        if (!script.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return List.of(new Finding(script, "a " + migration.getType() + " migration, whose statements cannot be read"));
        }
        String where = Optional.ofNullable(migration.getPhysicalLocation()).filter(p -> !p.isBlank()).orElse(script);
        return ScriptText.of(migration, configuration)
                .map(sql -> scan(where, sql))
                .orElseGet(() -> List.of(new Finding(where, "the script could not be read to check it")));
    }

    /** The findings in one script's text, each as {@code file:line}. */
    static List<Finding> scan(String file, String sql) {
        List<Finding> findings = new ArrayList<>();
        for (SqlStatements.Statement statement : SqlStatements.split(sql)) {
            String upper = statement.text().toUpperCase(Locale.ROOT);
            if (LEADING.matcher(upper).find() || FUNCTIONS.matcher(upper).find()) {
                findings.add(new Finding(file + ":" + statement.line(), shorten(statement.text())));
                continue;
            }
            boolean code = CODE_STATEMENT.matcher(upper).find();
            for (SqlStatements.Quoted quoted : statement.quoted()) {
                if (!quoted.dollar() && !code) {
                    continue; // a string literal in ordinary SQL is data, not code
                }
                String body = quoted.text().toUpperCase(Locale.ROOT);
                Optional<Matcher> hit = first(body);
                if (hit.isPresent()) {
                    int line = quoted.line() + (int) body.substring(0, hit.get().start()).chars().filter(c -> c == '\n').count();
                    findings.add(new Finding(file + ":" + line, shorten(quoted.text().substring(hit.get().start()))));
                    break;
                }
            }
        }
        return List.copyOf(findings);
    }

    private static Optional<Matcher> first(String body) {
        Matcher inBody = IN_BODY.matcher(body);
        Matcher function = FUNCTIONS.matcher(body);
        boolean a = inBody.find();
        boolean b = function.find();
        if (a && (!b || inBody.start() <= function.start())) {
            return Optional.of(inBody);
        }
        return b ? Optional.of(function) : Optional.empty();
    }

    private static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }
}
