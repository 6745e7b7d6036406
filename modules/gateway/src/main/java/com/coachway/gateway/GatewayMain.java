package com.coachway.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the gateway from the environment: KONG_CONFIG (default kong/kong.yml), GATEWAY_PORT
 * (default 8080) and UPSTREAM_&lt;HOST_UPPER_SNAKE&gt; (e.g. UPSTREAM_AUTH_SERVICE=http://127.0.0.1:8002)
 * to point a kong.yml service host somewhere else.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(String[] args) {
        // Named apart from common's logback.xml: in the local stack both jars share one classpath,
        // where the services' configuration must win; run alone, the gateway uses its own.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "gateway-logback.xml");
        }
        Map<String, String> env = System.getenv();
        Gateway gateway;
        try {
            KongConfig config = KongConfig.load(Path.of(env.getOrDefault("KONG_CONFIG", "kong/kong.yml")));
            gateway = Gateway.start(config, upstreams(config, env), port(env));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("gateway: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
        try {
            gateway.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, URI> upstreams(KongConfig config, Map<String, String> env) {
        Map<String, URI> upstreams = new HashMap<>();
        for (Service service : config.services()) {
            String variable = "UPSTREAM_" + service.host().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                try {
                    upstreams.put(service.host(), URI.create(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(variable + " is not a URL: " + value);
                }
            }
        }
        return upstreams;
    }

    private static int port(Map<String, String> env) {
        String value = env.getOrDefault("GATEWAY_PORT", "8080");
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GATEWAY_PORT must be a port number, not '" + value + "'");
        }
    }
}
