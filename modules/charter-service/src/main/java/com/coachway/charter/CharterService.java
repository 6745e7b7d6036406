package com.coachway.charter;

import com.coachway.charter.charters.CharterActions;
import com.coachway.charter.charters.CharterAudit;
import com.coachway.charter.charters.CharterEvents;
import com.coachway.charter.charters.CharterHandler;
import com.coachway.charter.charters.CharterRoutes;
import com.coachway.charter.charters.CharterStore;
import com.coachway.charter.quotes.QuoteActions;
import com.coachway.charter.quotes.QuoteEvents;
import com.coachway.charter.quotes.QuoteExpiryJob;
import com.coachway.charter.quotes.QuoteHandler;
import com.coachway.charter.quotes.QuoteRoutes;
import com.coachway.charter.quotes.QuoteStore;
import com.coachway.charter.remote.ClientDirectory;
import com.coachway.charter.remote.Payments;
import com.coachway.charter.remote.Pricing;
import com.coachway.charter.quotes.QuoteEvents;
import com.coachway.charter.vehicles.VehicleActions;
import com.coachway.charter.vehicles.VehicleHandler;
import com.coachway.charter.vehicles.VehicleRoutes;
import com.coachway.charter.vehicles.VehicleRules;
import com.coachway.charter.vehicles.VehicleStore;
import com.coachway.charter.vendorpayments.VendorPaymentActions;
import com.coachway.charter.vendorpayments.VendorPaymentAudit;
import com.coachway.charter.vendorpayments.VendorPaymentEvents;
import com.coachway.charter.vendorpayments.VendorPaymentHandler;
import com.coachway.charter.vendorpayments.VendorPaymentRoutes;
import com.coachway.charter.vendorpayments.VendorPaymentStore;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxForwarder;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.schedule.Scheduler;
import com.coachway.common.outbox.OutboxWorker;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * charter-service: charters, their quotes and lifecycle, vehicles and their assignment, vendor
 * payments. Wiring only.
 */
public final class CharterService {
    public static final String NAME = "charter-service";
    public static final int DEFAULT_PORT = 8001;

    private CharterService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.port(DEFAULT_PORT);
        var expiryInterval = Duration.ofSeconds(config.integer("QUOTE_EXPIRY_INTERVAL_SECONDS", 60, 1, 86_400));
        var clock = Clock.systemUTC();
        // The zone trips are priced in (pricing-service reads the same TZ): a promo code's dates apply to the local trip date.
        var tripZone = tripZone(config);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var clients = new ClientDirectory(ServiceClient.builder(config, "client-service").token(tokens).build());
        var pricing = new Pricing(ServiceClient.builder(config, "pricing-service").token(tokens).build());
        var payments = new Payments(ServiceClient.builder(config, "payment-service").token(tokens).build());
        var notifications = ServiceClient.builder(config, "notification-service").token(tokens).build();
        // finance-service takes these events whole: payload as body, event id as Idempotency-Key
        var finance = ServiceClient.builder(config, "finance-service").token(tokens).build();

        var db = Database.connect(config, "charter", NAME);
        try {
            var dsl = db.dsl();
            var quotes = new QuoteStore(clock);
            var charters = new CharterStore(quotes::currentFor);
            var vehicles = new VehicleStore();
            var outbox = new Outbox("charter");
            var audit = new AuditTrail(outbox, NAME, clock,
                    java.util.stream.Stream.concat(java.util.Arrays.stream(CharterAudit.ACTIONS), java.util.Arrays.stream(VendorPaymentAudit.ACTIONS))
                            .toArray(String[]::new));
            var charterAudit = new CharterAudit(audit);
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);
            new QuoteExpiryJob(dsl, quotes, clock, expiryInterval).scheduleOn(scheduler);

            var charterActions = new CharterActions(dsl, charters, clients, pricing, vehicles, VehicleRules::misfit,
                    quotes::supersedeOpen, outbox, charterAudit, clock);
            var quoteActions = new QuoteActions(dsl, quotes, charters, clients, pricing, outbox, charterAudit, tripZone, clock);
            var vehicleActions = new VehicleActions(dsl, vehicles, pricing, clock);
            var paymentActions = new VendorPaymentActions(dsl, new VendorPaymentStore(), charters, outbox,
                    new VendorPaymentAudit(audit), charterAudit, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(CharterService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .routes(r -> {
                        CharterRoutes.register(r, new CharterHandler(charterActions, tripZone));
                        QuoteRoutes.register(r, new QuoteHandler(quoteActions));
                        VehicleRoutes.register(r, new VehicleHandler(vehicleActions, clock));
                        VendorPaymentRoutes.register(r, new VendorPaymentHandler(paymentActions));
                    })
                    .build();
            // Every topic this service's outbox holds: its own promo give-backs and what it asks of its neighbours.
            OutboxWorker.builder(dsl, outbox)
                    .handlers(quoteActions.outboxHandlers())
                    .handler(QuoteEvents.NOTIFICATION_REQUESTED, OutboxForwarder.to(notifications, "/notifications"))
                    .handler(QuoteEvents.PAYMENT_SCHEDULE_REQUESTED, payments::openSchedule)
                    .handler(CharterEvents.STATUS_CHANGED, OutboxForwarder.to(finance, "/events/charter-status"))
                    .handler(VendorPaymentEvents.CHANGED, OutboxForwarder.to(finance, "/events/vendor-payment"))
                    .handlers(audit.handlers(AuditTrail.receiver(config, tokens)))
                    .configured(config)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static ZoneId tripZone(Config config) {
        return config.zone("TZ", "America/New_York");
    }
}
