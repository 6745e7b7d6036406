package com.coachway.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code plugins:} entry of kong.yml, global (top level) or of one route: its name and raw
 * {@code config} mapping. {@code where} names the entry in error messages.
 */
public record PluginConfig(String name, Map<String, Object> config, String where) {
    public PluginConfig {
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
