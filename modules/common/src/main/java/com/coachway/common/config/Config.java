package com.coachway.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of configuration variables (environment by default). A bad value fails fast,
 * naming the variable, so a misconfigured service never starts half-working.
 */
public final class Config {
    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Config fromEnv() {
        return new Config(System.getenv());
    }

    public static Config of(Map<String, String> values) {
        return new Config(values);
    }

    /** A copy with some variables replaced: how the local stack and tests give each service its own port. */
    public Config with(Map<String, String> overrides) {
        var merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new Config(merged);
    }

    public Optional<String> optional(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigException(name, "is required but not set"));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        var raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        try {
            int v = Integer.parseInt(raw.get());
            if (v < min || v > max) throw new ConfigException(name, "must be between " + min + " and " + max);
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number, got '" + raw.get() + "'");
        }
    }

    /** The port this service listens on ({@code PORT}; 0 picks a free one). */
    public int port(int defaultPort) {
        return integer("PORT", defaultPort, 0, 65535);
    }

    public boolean bool(String name, boolean defaultValue) {
        var raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        return switch (raw.get().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(name, "must be true or false, got '" + raw.get() + "'");
        };
    }

    /** A time zone such as America/New_York; anything else stops the service naming the variable. */
    public java.time.ZoneId zone(String name, String defaultValue) {
        String zone = string(name, defaultValue);
        try {
            return java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException(name, "must be a time zone such as America/New_York, got '" + zone + "'");
        }
    }

    /** An absolute http(s) URL such as another service's base URL; {@code defaultValue} null makes it required. */
    public URI uri(String name, String defaultValue) {
        String raw = defaultValue == null ? required(name) : string(name, defaultValue);
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException(name, "must be an http(s) URL like http://host:8000, got '" + raw + "'");
    }

    public static final class ConfigException extends IllegalStateException {
        public ConfigException(String name, String problem) {
            super("Configuration variable " + name + " " + problem);
        }
    }
}
