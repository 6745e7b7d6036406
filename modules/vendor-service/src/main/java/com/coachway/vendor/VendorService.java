package com.coachway.vendor;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxForwarder;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;
import com.coachway.vendor.bidding.AwardActions;
import com.coachway.vendor.bidding.AwardAudit;
import com.coachway.vendor.bidding.BidActions;
import com.coachway.vendor.bidding.BidRequestActions;
import com.coachway.vendor.bidding.BidRequestStore;
import com.coachway.vendor.bidding.BidStore;
import com.coachway.vendor.bidding.BiddingHandler;
import com.coachway.vendor.bidding.BiddingRoutes;
import com.coachway.vendor.compliance.ComplianceActions;
import com.coachway.vendor.compliance.ComplianceHandler;
import com.coachway.vendor.compliance.ComplianceRoutes;
import com.coachway.vendor.compliance.ComplianceStore;
import com.coachway.vendor.ratings.RatingActions;
import com.coachway.vendor.ratings.RatingHandler;
import com.coachway.vendor.ratings.RatingRoutes;
import com.coachway.vendor.ratings.RatingStore;
import com.coachway.vendor.remote.CharterAwards;
import com.coachway.vendor.remote.CharterDirectory;
import com.coachway.vendor.remote.Notifications;
import com.coachway.vendor.vendors.VendorActions;
import com.coachway.vendor.vendors.VendorHandler;
import com.coachway.vendor.vendors.VendorRoutes;
import com.coachway.vendor.vendors.VendorStore;

import java.time.Clock;
import java.time.ZoneId;

/**
 * vendor-service: affiliate vendors, their approval and compliance, bid requests, bids and
 * awards, ratings and performance. Wiring only.
 */
public final class VendorService {
    public static final String NAME = "vendor-service";
    public static final int DEFAULT_PORT = 8008;

    private VendorService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** With the clock that says what "now" and "today" are (tests move it past respond_by and expiry dates). */
    public static RunningService start(Config config, Clock clock) {
        int port = config.port(DEFAULT_PORT);
        int paymentDays = config.integer("VENDOR_PAYMENT_DAYS", 30, 0, 365);
        // The company's calendar: compliance "today", and the trip day a vendor payment's due date counts from.
        var zone = zone(config);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charterClient = ServiceClient.builder(config, "charter-service").token(tokens).build();
        var charters = new CharterDirectory(charterClient);
        var notifications = ServiceClient.builder(config, "notification-service").token(tokens).build();

        var db = Database.connect(config, "vendor", NAME);
        try {
            var dsl = db.dsl();
            var outbox = new Outbox("vendor");
            var audit = new AuditTrail(outbox, NAME, clock, AwardAudit.ACTIONS);
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var vendors = new VendorStore();
            var requests = new BidRequestStore();
            var bids = new BidStore();
            var vendorActions = new VendorActions(dsl, vendors, clock);
            var compliance = new ComplianceActions(dsl, new ComplianceStore(), vendors, zone, clock);
            var requestActions = new BidRequestActions(dsl, requests, vendors, compliance, charters, outbox, zone, clock);
            var bidActions = new BidActions(dsl, bids, requests, vendors, compliance, clock);
            var awardActions = new AwardActions(dsl, requests, bids, vendors, charters, outbox, new AwardAudit(audit), zone, paymentDays, clock);
            var ratingActions = new RatingActions(dsl, new RatingStore(), vendors, charters, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(VendorService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .routes(r -> {
                        VendorRoutes.register(r, new VendorHandler(vendorActions));
                        ComplianceRoutes.register(r, new ComplianceHandler(compliance));
                        BiddingRoutes.register(r, new BiddingHandler(requestActions, bidActions, awardActions));
                        RatingRoutes.register(r, new RatingHandler(ratingActions));
                    })
                    .build();
            OutboxWorker.builder(dsl, outbox)
                    .handler(CharterAwards.TOPIC, new CharterAwards(charterClient))
                    .handler(Notifications.TOPIC, OutboxForwarder.to(notifications, "/notifications"))
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

    private static ZoneId zone(Config config) {
        return config.zone("TZ", "America/New_York");
    }
}
