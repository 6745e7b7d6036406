package com.coachway.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** The plugins this gateway implements, and Kong's rule for which configuration applies where. */
final class Plugins {
    /** Each factory gets the plugin's config and the clock (epoch millis) that time windows count on. */
    private static final Map<String, BiFunction<ConfigObject, LongSupplier, Plugin>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(CorrelationId.NAME, (config, clock) -> new CorrelationId(config));
        FACTORIES.put(Cors.NAME, (config, clock) -> new Cors(config));
        FACTORIES.put(RequestSizeLimiting.NAME, (config, clock) -> new RequestSizeLimiting(config));
        FACTORIES.put(RateLimiting.NAME, RateLimiting::new);
    }

    private Plugins() {
    }

    /** @throws IllegalArgumentException for an unknown plugin name or an invalid config */
    static Plugin create(PluginConfig config) {
        return create(config, System::currentTimeMillis);
    }

    static Plugin create(PluginConfig config, LongSupplier clock) {
        BiFunction<ConfigObject, LongSupplier, Plugin> factory = FACTORIES.get(config.name());
        if (factory == null) {
            throw ConfigObject.invalid(config.where(), "unknown plugin '" + config.name()
                    + "'; the local gateway implements " + String.join(", ", FACTORIES.keySet()));
        }
        ConfigObject settings = new ConfigObject(config.where() + ".config", config.config());
        Plugin plugin = factory.apply(settings, clock);
        settings.finish();
        return plugin;
    }

    /**
     * Builds every configured plugin once (each instance owns its state, e.g. rate-limit
     * counters, as Kong keys them per plugin) and resolves, per route, which instance of each
     * plugin name applies: route-level over service-level over global. Disabled plugins do not
     * count, so a disabled route plugin lets the service or global one apply.
     */
    static Map<Route, List<Plugin>> perRoute(KongConfig config) {
        return perRoute(config, System::currentTimeMillis);
    }

    static Map<Route, List<Plugin>> perRoute(KongConfig config, LongSupplier clock) {
        Map<PluginConfig, Plugin> instances = new IdentityHashMap<>();
        Function<PluginConfig, Plugin> instance = pc -> instances.computeIfAbsent(pc, c -> create(c, clock));
        Map<Route, List<Plugin>> result = new IdentityHashMap<>();
        for (Service service : config.services()) {
            for (Route route : service.routes()) {
                Map<String, PluginConfig> chosen = new LinkedHashMap<>();
                addEnabled(chosen, config.globalPlugins());
                addEnabled(chosen, service.plugins());
                addEnabled(chosen, topLevel(config, PluginConfig.Scope.SERVICE, service.name()));
                addEnabled(chosen, route.plugins());
                addEnabled(chosen, topLevel(config, PluginConfig.Scope.ROUTE, route.name()));
                List<Plugin> plugins = new ArrayList<>();
                chosen.values().forEach(pc -> plugins.add(instance.apply(pc)));
                plugins.sort(Comparator.comparingInt(Plugin::priority).reversed());
                result.put(route, List.copyOf(plugins));
            }
        }
        return result;
    }

    private static List<PluginConfig> topLevel(KongConfig config, PluginConfig.Scope scope, String target) {
        return config.plugins().stream().filter(p -> p.scope() == scope && p.target().equals(target)).toList();
    }

    private static void addEnabled(Map<String, PluginConfig> chosen, List<PluginConfig> plugins) {
        for (PluginConfig p : plugins) {
            if (p.enabled()) {
                chosen.put(p.name(), p);
            }
        }
    }
}
