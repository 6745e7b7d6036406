package com.coachway.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The plugins this gateway implements (those kong.yml uses), and which configuration applies to a route. */
final class Plugins {
    private interface Factory {
        Plugin create(ConfigObject config, LongSupplier clock);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(CorrelationId.NAME, (config, clock) -> new CorrelationId(config));
        FACTORIES.put(Cors.NAME, (config, clock) -> new Cors(config));
        FACTORIES.put(RequestSizeLimiting.NAME, (config, clock) -> new RequestSizeLimiting(config));
        FACTORIES.put(RateLimiting.NAME, RateLimiting::new);
    }

    private Plugins() {
    }

    /**
     * @param clock epoch milliseconds, for the rate-limiting windows
     * @throws IllegalArgumentException for an unknown plugin name or an invalid or unsupported config
     */
    static Plugin create(PluginConfig config, LongSupplier clock) {
        Factory factory = FACTORIES.get(config.name());
        if (factory == null) {
            throw ConfigObject.invalid(config.where(), "unknown plugin '" + config.name()
                    + "'; the local gateway implements " + String.join(", ", FACTORIES.keySet()));
        }
        ConfigObject settings = new ConfigObject(config.where() + ".config", config.config());
        Plugin plugin = factory.create(settings, clock);
        settings.finish();
        return plugin;
    }

    /**
     * Builds every configured plugin once (each instance owns its state, e.g. rate-limit
     * counters, as Kong keys them per plugin) and, per route, Kong's precedence: a route's plugin
     * replaces the global one of the same name. Plugins run in Kong's priority order.
     */
    static Map<Route, List<Plugin>> perRoute(KongConfig config, LongSupplier clock) {
        Map<PluginConfig, Plugin> instances = new IdentityHashMap<>();
        Map<Route, List<Plugin>> result = new IdentityHashMap<>();
        for (Service service : config.services()) {
            for (Route route : service.routes()) {
                Map<String, PluginConfig> chosen = new LinkedHashMap<>();
                config.plugins().forEach(p -> chosen.put(p.name(), p));
                route.plugins().forEach(p -> chosen.put(p.name(), p));
                List<Plugin> plugins = new ArrayList<>();
                chosen.values().forEach(pc -> plugins.add(instances.computeIfAbsent(pc, c -> create(c, clock))));
                plugins.sort(Comparator.comparingInt(Plugin::priority).reversed());
                result.put(route, List.copyOf(plugins));
            }
        }
        return result;
    }
}
