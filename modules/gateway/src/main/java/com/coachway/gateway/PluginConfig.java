package com.coachway.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code plugins:} entry of kong.yml: its name, raw {@code config} mapping and whether it is
 * enabled. {@code where} names the entry in error messages. Top-level entries may target a
 * service or route by name ({@code target}); nested entries belong to their service or route.
 */
public record PluginConfig(String name, Map<String, Object> config, boolean enabled, String where,
                           Scope scope, String target) {
    public enum Scope { GLOBAL, SERVICE, ROUTE }

    public PluginConfig {
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
