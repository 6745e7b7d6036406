package com.coachway.stack;

import com.coachway.common.config.Config;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the local services find and trust each other: <HOST>_URL for each (e.g.
 * PRICING_SERVICE_URL), and client-credentials secrets made fresh at every start — auth-service
 * upserts them from SERVICE_CLIENTS, so nothing needs keeping.
 */
final class ServiceWiring {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> SECRETS = new HashMap<>();

    private ServiceWiring() {
    }

    static synchronized Map<String, String> urlsAndCredentials(List<Services.Spec> specs) {
        var vars = new HashMap<String, String>();
        var clients = new ArrayList<String>();
        for (Services.Spec spec : specs) {
            vars.put(spec.host().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", "http://127.0.0.1:" + spec.port());
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            SECRETS.put(spec.host(), secret);
            clients.add(spec.host() + ":" + secret);
        }
        vars.put("SERVICE_CLIENTS", String.join(",", clients));
        return vars;
    }

    /** The variables that differ per service: its port and its own client credentials. */
    static synchronized Map<String, String> own(Services.Spec spec, Config shared) {
        return Map.of("PORT", String.valueOf(spec.port()),
                "SERVICE_CLIENT_ID", spec.host(),
                "SERVICE_CLIENT_SECRET", SECRETS.get(spec.host()));
    }
}
