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
                client(config, timeout, "charter-service", "CHARTER_SERVICE_URL", 8001),
                client(config, timeout, "payment-service", "PAYMENT_SERVICE_URL", 8005),
                client(config, timeout, "document-service", "DOCUMENT_SERVICE_URL", 8004),
                client(config, timeout, "finance-service", "FINANCE_SERVICE_URL", 8014),
                client(config, timeout, "vendor-service", "VENDOR_SERVICE_URL", 8008),
                client(config, timeout, "change-mgmt-service", "CHANGE_MGMT_SERVICE_URL", 8012),
                client(config, timeout, "analytics-service", "ANALYTICS_SERVICE_URL", 8013),
                client(config, timeout, "sales-service", "SALES_SERVICE_URL", 8010));
    }

    private static ServiceClient client(Config config, Duration timeout, String name, String variable, int port) {
        // A neighbour that does not accept a connection quickly is down; never wait longer for it than for its answer.
        Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
        return ServiceClient.builder(name, config.uri(variable, "http://localhost:" + port))
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
