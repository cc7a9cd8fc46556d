package io.driftgate.read.entities;

import io.driftgate.model.EnumType;
import io.driftgate.model.QualifiedName;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL enum types the mapping needs ({@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}): Hibernate does not
 * model them as types but as auxiliary DDL ({@code create type officekind as enum (…)}), so read that DDL.
 */
final class EnumTypes {

    private static final Pattern CREATE = Pattern.compile(
            "(?is)^\\s*create\\s+type\\s+(?<name>\\S+)\\s+as\\s+enum\\s*\\((?<labels>.*)\\)\\s*;?\\s*$");
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

    private EnumTypes() {
    }

    static List<EnumType> of(Metadata metadata, String defaultSchema) {
        Database database = metadata.getDatabase();
        SqlStringGenerationContext context =
                SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, null);
        List<EnumType> result = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(database.getDialect())) {
                continue;
            }
            for (String sql : object.sqlCreateStrings(context)) {
                Matcher create = CREATE.matcher(sql);
                if (create.matches()) {
                    result.add(new EnumType(name(create.group("name"), defaultSchema), labels(create.group("labels"))));
                }
            }
        }
        return result;
    }

    private static QualifiedName name(String text, String defaultSchema) {
        int dot = text.lastIndexOf('.');
        return dot < 0 ? QualifiedName.of(defaultSchema, stored(text))
                : QualifiedName.of(stored(text.substring(0, dot)), stored(text.substring(dot + 1)));
    }

    private static List<String> labels(String text) {
        List<String> labels = new ArrayList<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.add(label.group(1).replace("''", "'"));
        }
        return labels;
    }

    private static String stored(String name) {
        return name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.toLowerCase(Locale.ROOT);
    }
}
