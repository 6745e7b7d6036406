package com.coachway.common.client;

import com.coachway.common.config.Config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where each CoachWay service is reached: {@code <NAME>_URL} (charter-service →
 * {@code CHARTER_SERVICE_URL}; auth-service, which every service reaches, is {@code AUTH_URL}), by
 * default the port it listens on when run alone on this machine.
 * One table, so every caller of a neighbour reads the same variable with the same default.
 */
public final class ServiceUrls {
    private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
            Map.entry("charter-service", 8001),
            Map.entry("auth-service", 8002),
            Map.entry("client-service", 8003),
            Map.entry("document-service", 8004),
            Map.entry("payment-service", 8005),
            Map.entry("notification-service", 8006),
            Map.entry("pricing-service", 8007),
            Map.entry("vendor-service", 8008),
            Map.entry("dispatch-service", 8009),
            Map.entry("sales-service", 8010),
            Map.entry("portals-service", 8011),
            Map.entry("change-mgmt-service", 8012),
            Map.entry("analytics-service", 8013),
            Map.entry("finance-service", 8014));

    private ServiceUrls() {
    }

    /** The base URL of {@code service}; an unknown name is a programming error. */
    public static URI of(Config config, String service) {
        return config.uri(variable(service), "http://localhost:" + defaultPort(service));
    }

    /** The variable that holds {@code service}'s URL. */
    public static String variable(String service) {
        defaultPort(service);
        if (service.equals("auth-service")) return "AUTH_URL";
        return service.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    public static int defaultPort(String service) {
        Integer port = DEFAULT_PORTS.get(service);
        if (port == null) throw new IllegalArgumentException("no such CoachWay service: " + service);
        return port;
    }
}
