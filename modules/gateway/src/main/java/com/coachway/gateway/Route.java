package com.coachway.gateway;

import java.util.List;

/**
 * A kong.yml route: plain path prefixes (never empty), optionally limited to {@code methods}
 * (empty for any method), and its own plugins. Every route strips its matched path
 * ({@code strip_path: true}, Kong's default and our HTTP convention).
 */
public record Route(String name, List<String> paths, List<String> methods, List<PluginConfig> plugins) {
    public Route {
        paths = List.copyOf(paths);
        methods = List.copyOf(methods);
        plugins = List.copyOf(plugins);
    }
}
