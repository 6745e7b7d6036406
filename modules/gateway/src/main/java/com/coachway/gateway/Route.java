package com.coachway.gateway;

import java.util.List;

/**
 * A kong.yml route. {@code methods} is empty when the route accepts any method; {@code paths}
 * is empty when it matches any path (a methods-only route).
 */
public record Route(String name, List<String> paths, List<String> methods, boolean stripPath,
                    boolean preserveHost, List<PluginConfig> plugins) {
    public Route {
        paths = List.copyOf(paths);
        methods = List.copyOf(methods);
        plugins = List.copyOf(plugins);
    }
}
