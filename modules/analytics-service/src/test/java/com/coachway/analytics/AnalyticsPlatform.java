package com.coachway.analytics;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.finance.FinanceService;
import com.coachway.payment.PaymentService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RepoFiles;
import com.coachway.testkit.Rows;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The services whose tables the analytics views read, each on the same fresh database, started
 * first (so their schemas exist), then analytics-service on a fixed clock, behind the gateway.
 */
public final class AnalyticsPlatform implements AutoCloseable {
    public static final String ANALYTICS = "/api/v1/analytics";
    public static final String FINANCE = "/api/v1/finance";
    /** 2026-11-16T17:00Z: noon of Monday 2026-11-16 in New York. */
    public static final Instant NOW = Instant.parse("2026-11-16T17:00:00Z");

    public final Platform platform;

    public AnalyticsPlatform() {
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("client-service", "/api/v1/clients", ClientService::start)
                .service("pricing-service", "/api/v1/pricing", PricingService::start)
                .service("charter-service", "/api/v1/charters", CharterService::start)
                .service("payment-service", "/api/v1/payments", PaymentService::start)
                .service("vendor-service", "/api/v1/vendors", com.coachway.vendor.VendorService::start)
                .service("finance-service", FINANCE, FinanceService::start)
                .service("analytics-service", ANALYTICS, c -> AnalyticsService.start(c, Clock.fixed(NOW, ZoneOffset.UTC)))
                .start();
    }

    public RequestSpecification as(String role) {
        return platform.api(ANALYTICS).auth().oauth2(platform.token(role));
    }

    public RequestSpecification rawAs(String role) {
        return platform.raw(ANALYTICS).auth().oauth2(platform.token(role));
    }

    /** Runs a SQL file of this module's test resources against the platform's database. */
    public void runSql(String resource) {
        try {
            String sql = Files.readString(RepoFiles.root().resolve("modules/analytics-service/src/test/resources/" + resource));
            Rows.execute(platform.databaseUrl(), sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
