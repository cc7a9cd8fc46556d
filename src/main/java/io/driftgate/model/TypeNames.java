package io.driftgate.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a type name to the spelling of PostgreSQL's {@code format_type}, so that {@code int4},
 * {@code int} and {@code serial} all read {@code integer}, and {@code varchar(20)} reads
 * {@code character varying(20)}. Names it does not know (enum and domain types) are kept, lower-cased
 * outside double quotes.
 */
public final class TypeNames {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"), Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timetz", "time with time zone"),
            Map.entry("varbit", "bit varying"));

    private static final Pattern SHAPE = Pattern.compile(
            "^(?<base>[a-z_][a-z0-9_ .\"]*?)\\s*(?:\\((?<mod>[^)]*)\\))?\\s*(?<tz>with(?:out)? time zone)?(?<array>(?:\\[\\d*\\])*)$");

    private TypeNames() {
    }

    // a schema has few distinct type spellings, and the regex work below is costly over 10^5 columns
    private static final int CACHE_LIMIT = 4_096;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    public static String normalize(String type) {
        String cached = CACHE.get(type);
        if (cached != null) {
            return cached;
        }
        String normalized = compute(type);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(type, normalized);
        }
        return normalized;
    }

    private static String compute(String type) {
        String text = lowerOutsideQuotes(type.trim().replaceAll("\\s+", " "));
        boolean underscoreArray = text.startsWith("_") && ALIASES.containsKey(text.substring(1));
        if (underscoreArray) {
            text = text.substring(1) + "[]";
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String base = m.group("base").trim();
        String mod = m.group("mod") == null ? "" : "(" + m.group("mod").replace(" ", "") + ")";
        String array = m.group("array").replaceAll("\\[\\d+\\]", "[]");
        String tz = m.group("tz");
        if (base.equals("float") && !mod.isEmpty()) {
            // float(p): PostgreSQL picks real up to 24 bits of precision, double precision above
            base = Integer.parseInt(mod.substring(1, mod.length() - 1)) <= 24 ? "real" : "double precision";
            mod = "";
        }
        base = ALIASES.getOrDefault(base, base);
        if (base.equals("timestamp") || base.equals("time")) {
            return base + mod + " " + (tz == null ? "without time zone" : tz) + array;
        }
        if (base.equals("timestamp with time zone") || base.equals("time with time zone")) {
            String[] parts = base.split(" ", 2);
            return parts[0] + mod + " " + parts[1] + array;
        }
        if (base.equals("character") && mod.isEmpty() && !underscoreArray) {
            mod = "(1)";
        }
        return base + mod + (tz == null ? "" : " " + tz) + array;
    }

    private static String lowerOutsideQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            out.append(quoted ? c : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
