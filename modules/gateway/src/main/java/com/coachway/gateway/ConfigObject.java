package com.coachway.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict reads of one YAML mapping. Kong's schema rejects unknown fields, so every key
 * must be read (or explicitly ignored) before {@link #finish()}: a typo in kong.yml fails startup
 * instead of being silently ignored.
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

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    void ignore(String... keys) {
        read.addAll(List.of(keys));
    }

    String string(String key, String fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw invalid(where + "." + key, "must be a string, not " + describe(v));
    }

    String requiredString(String key) {
        String s = string(key, null);
        if (s == null || s.isBlank()) {
            throw invalid(where + "." + key, "is required");
        }
        return s;
    }

    String oneOf(String key, String fallback, List<String> allowed) {
        String s = string(key, fallback);
        if (s != null && !allowed.contains(s)) {
            throw invalid(where + "." + key, "must be one of " + allowed + ", not '" + s + "'");
        }
        return s;
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

    /** A number, or null when absent (Kong treats an absent limit as "not configured"). */
    Double number(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw invalid(where + "." + key, "must be a number, not " + describe(v));
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

    /** Fails on any key that was not read: Kong rejects unknown fields too. */
    void finish() {
        List<String> unknown = values.keySet().stream().filter(k -> !read.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw invalid(where, "unknown or unsupported field(s) " + unknown);
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
