package com.coachway.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed, strict reads of one YAML mapping. Every key must be read before {@link #finish()}, which
 * refuses the rest by name: a field the local gateway does not implement (or a typo) fails
 * startup instead of being silently ignored.
 */
final class ConfigObject {
    private final String where;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    ConfigObject(String where, Object value) {
        this.where = where;
        this.values = asMap(where, value);
    }

    static Map<String, Object> asMap(String where, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(where, "must be a mapping, not " + describe(value));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    String where() {
        return where;
    }

    Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    /** A string, or null when absent. */
    String string(String key) {
        Object v = raw(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw invalid(where + "." + key, "must be a string, not " + describe(v));
    }

    String requiredString(String key) {
        String s = string(key);
        if (s == null || s.isBlank()) {
            throw invalid(where + "." + key, "is required");
        }
        return s;
    }

    /** For an option whose only supported value is Kong's default: absent or exactly {@code supported}. */
    void requireIfPresent(String key, Object supported) {
        Object v = raw(key);
        if (v != null && !Objects.equals(v, supported)) {
            throw invalid(where + "." + key, describe(v) + " is not supported by the local gateway (only " + describe(supported) + ")");
        }
    }

    boolean bool(String key, boolean fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid(where + "." + key, "must be true or false, not " + describe(v));
    }

    long integer(String key, long fallback, long min, long max) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw invalid(where + "." + key, "must be an integer, not " + describe(v));
        }
        long l = n.longValue();
        if (l < min || l > max) {
            throw invalid(where + "." + key, "must be between " + min + " and " + max + ", not " + l);
        }
        return l;
    }

    /** A list of strings; a single string is accepted as a one-element list. Null when absent. */
    List<String> strings(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw invalid(where + "." + key, "must be a list of strings, found " + describe(item));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    List<Object> list(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw invalid(where + "." + key, "must be a list, not " + describe(v));
        }
        return new ArrayList<>(l);
    }

    /** Fails on any key that was not read. */
    void finish() {
        List<String> unknown = values.keySet().stream().filter(k -> !read.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw invalid(where, "unknown or unsupported field(s) " + unknown
                    + " (the local gateway implements only what kong/kong.yml uses)");
        }
    }

    static IllegalArgumentException invalid(String where, String problem) {
        return new IllegalArgumentException(where + ": " + problem);
    }

    private static String describe(Object v) {
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
