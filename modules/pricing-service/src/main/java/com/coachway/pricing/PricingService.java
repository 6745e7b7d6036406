package com.coachway.pricing;

import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.pricing.amenities.AmenityHandler;
import com.coachway.pricing.amenities.AmenityRoutes;
import com.coachway.pricing.amenities.AmenityActions;
import com.coachway.pricing.calculate.CalculateActions;
import com.coachway.pricing.calculate.CalculateHandler;
import com.coachway.pricing.calculate.CalculateRoutes;
import com.coachway.pricing.calculator.PricingSettings;
import com.coachway.pricing.compliance.ComplianceActions;
import com.coachway.pricing.compliance.ComplianceHandler;
import com.coachway.pricing.compliance.ComplianceRoutes;
import com.coachway.pricing.promos.PromoActions;
import com.coachway.pricing.promos.PromoHandler;
import com.coachway.pricing.promos.PromoRoutes;
import com.coachway.pricing.rates.RateCardActions;
import com.coachway.pricing.rates.RateCardHandler;
import com.coachway.pricing.rates.RateCardRoutes;
import com.coachway.pricing.vehicles.VehicleTypeActions;
import com.coachway.pricing.vehicles.VehicleTypeHandler;
import com.coachway.pricing.vehicles.VehicleTypeRoutes;

import java.time.Clock;

/** pricing-service: vehicle types, rate cards, amenities, promo codes, the quote calculator and HOS checks. Wiring only. */
public final class PricingService {
    public static final String NAME = "pricing-service";
    public static final int DEFAULT_PORT = 8007;

    private PricingService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.port(DEFAULT_PORT);
        var settings = PricingSettings.fromConfig(config);
        var verifier = TokenVerifier.fromConfig(config);

        var db = Database.connect(config, "pricing", NAME);
        try {
            var dsl = db.dsl();
            var app = ServiceApp.named(NAME)
                    .openApiFrom(PricingService.class)
                    .auth(verifier)
                    .revokedSessions(RevokedSessions.fromConfig(config, NAME))
                    .metrics(ServiceMetrics.create().pool(db.dataSource()))
                    .health("database", db.health())
                    .healthInfo("time_zone", settings.zone().getId())
                    .routes(r -> {
                        VehicleTypeRoutes.register(r, new VehicleTypeHandler(new VehicleTypeActions(dsl)));
                        RateCardRoutes.register(r, new RateCardHandler(new RateCardActions(dsl)));
                        AmenityRoutes.register(r, new AmenityHandler(new AmenityActions(dsl)));
                        PromoRoutes.register(r, new PromoHandler(new PromoActions(dsl, settings.zone(), Clock.systemUTC())));
                        CalculateRoutes.register(r, new CalculateHandler(new CalculateActions(dsl, settings)));
                        ComplianceRoutes.register(r, new ComplianceHandler(new ComplianceActions(settings.serviceDays())));
                    })
                    .build();
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
