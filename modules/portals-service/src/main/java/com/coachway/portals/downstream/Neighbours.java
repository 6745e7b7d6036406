package com.coachway.portals.downstream;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.config.Config;

import java.time.Duration;

/**
 * The services the portals read, each a {@link ServiceClient} without a token of its own: a page
 * calls them only through {@link #as}, with the token of the portal user it is for, never with a
 * service token, so every neighbour applies that user's roles and tenancy itself.
 */
public record Neighbours(ServiceClient charters, ServiceClient payments, ServiceClient documents, ServiceClient finance,
                         ServiceClient vendors, ServiceClient changeMgmt, ServiceClient analytics, ServiceClient sales) {

    public static Neighbours fromConfig(Config config, Duration timeout) {
        return new Neighbours(
                client(config, timeout, "charter-service"),
                client(config, timeout, "payment-service"),
                client(config, timeout, "document-service"),
                client(config, timeout, "finance-service"),
                client(config, timeout, "vendor-service"),
                client(config, timeout, "change-mgmt-service"),
                client(config, timeout, "analytics-service"),
                client(config, timeout, "sales-service"));
    }

    private static ServiceClient client(Config config, Duration timeout, String name) {
        // A neighbour that does not accept a connection quickly is down; never wait longer for it than for its answer.
        Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
        return ServiceClient.builder(config, name)
                .connectTimeout(connect)
                .requestTimeout(timeout)
                .build();
    }

    /** The same neighbours, every call carrying {@code bearer}: the caller's own access token. */
    public Neighbours as(String bearer) {
        return new Neighbours(charters.withToken(() -> bearer), payments.withToken(() -> bearer), documents.withToken(() -> bearer),
                finance.withToken(() -> bearer), vendors.withToken(() -> bearer), changeMgmt.withToken(() -> bearer),
                analytics.withToken(() -> bearer), sales.withToken(() -> bearer));
    }
}
