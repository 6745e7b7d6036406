package com.coachway.payment;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.HealthCheck;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxForwarder;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;
import com.coachway.payment.balances.BalanceActions;
import com.coachway.payment.balances.BalanceHandler;
import com.coachway.payment.balances.BalanceRoutes;
import com.coachway.payment.payments.PaymentActions;
import com.coachway.payment.payments.PaymentAudit;
import com.coachway.payment.payments.PaymentEvents;
import com.coachway.payment.payments.PaymentHandler;
import com.coachway.payment.payments.PaymentRoutes;
import com.coachway.payment.payments.PaymentStore;
import com.coachway.payment.payments.RefundActions;
import com.coachway.payment.payments.RefundHandler;
import com.coachway.payment.payments.RefundStore;
import com.coachway.payment.remote.CharterDirectory;
import com.coachway.payment.schedules.ScheduleActions;
import com.coachway.payment.schedules.ScheduleHandler;
import com.coachway.payment.schedules.ScheduleRoutes;
import com.coachway.payment.schedules.ScheduleStore;
import com.coachway.payment.stripe.StripeGateway;
import com.coachway.payment.stripe.WebhookSignature;
import com.coachway.payment.webhooks.StripeEventStore;
import com.coachway.payment.webhooks.WebhookActions;
import com.coachway.payment.webhooks.WebhookHandler;
import com.coachway.payment.webhooks.WebhookRoutes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;

/**
 * payment-service: payment schedules of booked charters, manual and card payments (Stripe),
 * refunds, balances. Wiring only.
 */
public final class PaymentService {
    public static final String NAME = "payment-service";
    public static final int DEFAULT_PORT = 8005;

    private PaymentService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.port(DEFAULT_PORT);
        BigDecimal depositPct = depositPct(config);
        int balanceDueDays = config.integer("BALANCE_DUE_DAYS", 14, 0, 365);
        ZoneId zone = zone(config);
        var clock = Clock.systemUTC();
        var stripe = StripeGateway.of(config.optional("STRIPE_SECRET_KEY").orElse(null),
                config.optional("STRIPE_API_BASE").orElse(null));
        var webhookSignature = new WebhookSignature(config.optional("STRIPE_WEBHOOK_SECRET").orElse(null), clock);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charters = new CharterDirectory(ServiceClient.builder(config, "charter-service").token(tokens).build());
        // finance-service takes these events whole: payload as body, event id as Idempotency-Key
        var finance = ServiceClient.builder(config, "finance-service").token(tokens).build();

        var db = Database.connect(config, "payment", NAME);
        try {
            var dsl = db.dsl();
            var outbox = new Outbox("payment");
            var audit = new AuditTrail(outbox, NAME, clock, PaymentAudit.ACTIONS);
            var paymentAudit = new PaymentAudit(audit);
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var schedules = new ScheduleStore();
            var payments = new PaymentStore();
            var refunds = new RefundStore();
            var scheduleActions = new ScheduleActions(dsl, schedules, depositPct, balanceDueDays, zone, clock);
            var paymentActions = new PaymentActions(dsl, payments, schedules, charters, stripe, outbox, paymentAudit, clock);
            var refundActions = new RefundActions(dsl, payments, refunds, stripe, outbox, paymentAudit, clock);
            var webhookActions = new WebhookActions(dsl, webhookSignature, new StripeEventStore(), payments, refunds, outbox, paymentAudit, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(PaymentService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .health("stripe", stripeHealth(stripe, webhookSignature))
                    .routes(r -> {
                        PaymentRoutes.register(r, new PaymentHandler(paymentActions), new RefundHandler(refundActions));
                        ScheduleRoutes.register(r, new ScheduleHandler(scheduleActions));
                        BalanceRoutes.register(r, new BalanceHandler(new BalanceActions(dsl, schedules)));
                        WebhookRoutes.register(r, new WebhookHandler(webhookActions));
                    })
                    .build();
            // Every topic this service's outbox holds: what finance-service books, and the audit trail's entries.
            OutboxWorker.builder(dsl, outbox)
                    .handlers(audit.handlers(AuditTrail.receiver(config, tokens)))
                    .handler(PaymentEvents.RECORDED, OutboxForwarder.to(finance, "/events/payment-recorded"))
                    .handler(PaymentEvents.REFUNDED, OutboxForwarder.to(finance, "/events/payment-refunded"))
                    .configured(config)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Always up: without Stripe the service is still healthy (manual payments work); the detail says what is missing. */
    private static HealthCheck stripeHealth(StripeGateway stripe, WebhookSignature webhooks) {
        String detail = !stripe.configured()
                ? "not configured: STRIPE_SECRET_KEY is not set, card endpoints answer 503; manual payments work"
                : webhooks.configured() ? "configured" : "configured, but STRIPE_WEBHOOK_SECRET is not set: webhooks answer 503";
        return () -> HealthCheck.Result.up(detail);
    }

    private static BigDecimal depositPct(Config config) {
        String raw = config.string("DEPOSIT_PCT", "25");
        try {
            BigDecimal pct = new BigDecimal(raw);
            if (pct.signum() >= 0 && pct.compareTo(BigDecimal.valueOf(100)) <= 0 && pct.scale() <= 2) return pct;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Config.ConfigException("DEPOSIT_PCT", "must be a percentage from 0 to 100 (at most 2 decimals), got '" + raw + "'");
    }

    private static ZoneId zone(Config config) {
        return config.zone("TZ", "America/New_York");
    }
}
