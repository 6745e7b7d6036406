package com.coachway.changemgmt;

import com.coachway.changemgmt.audit.AuditActions;
import com.coachway.changemgmt.audit.AuditHandler;
import com.coachway.changemgmt.audit.AuditRoutes;
import com.coachway.changemgmt.audit.AuditStore;
import com.coachway.changemgmt.cases.CaseActions;
import com.coachway.changemgmt.cases.CaseHandler;
import com.coachway.changemgmt.cases.CaseRoutes;
import com.coachway.changemgmt.cases.CaseStore;
import com.coachway.changemgmt.remote.Charters;
import com.coachway.changemgmt.remote.Pricing;
import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Backoff;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;

import java.time.Clock;
import java.time.Duration;

/**
 * change-mgmt-service: change cases on charters (priced by pricing-service, decided, applied to
 * charter-service after commit) and the platform's audit trail. Wiring only.
 */
public final class ChangeMgmtService {
    public static final String NAME = "change-mgmt-service";
    public static final int DEFAULT_PORT = 8012;

    private ChangeMgmtService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    public static RunningService start(Config config, Clock clock) {
        int port = config.integer("PORT", DEFAULT_PORT, 0, 65535);
        var outboxPoll = Duration.ofMillis(config.integer("OUTBOX_POLL_INTERVAL_MS", 1000, 10, 600_000));
        int outboxAttempts = config.integer("OUTBOX_MAX_ATTEMPTS", 8, 1, 50);
        // the first retry's delay, doubled for each next one (an hour at most)
        var outboxBackoff = new Backoff(Duration.ofMillis(config.integer("OUTBOX_BACKOFF_BASE_MS", 10_000, 10, 3_600_000)),
                Duration.ofHours(1), Backoff.DEFAULT.jitter());
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charters = new Charters(ServiceClient.builder("charter-service",
                config.uri("CHARTER_SERVICE_URL", "http://localhost:8001")).token(tokens).build());
        var pricing = new Pricing(ServiceClient.builder("pricing-service",
                config.uri("PRICING_SERVICE_URL", "http://localhost:8007")).token(tokens).build());

        var db = Database.connect(config, "change_mgmt", NAME);
        try {
            var dsl = db.dsl();
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            var outbox = new Outbox("change_mgmt");
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var auditStore = new AuditStore();
            var auditActions = new AuditActions(dsl, auditStore, clock);
            var caseActions = new CaseActions(dsl, new CaseStore(), auditStore, charters, pricing, outbox, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(ChangeMgmtService.class)
                    .auth(TokenVerifier.fromConfig(config))
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .revokedSessions(RevokedSessions.fromConfig(config, NAME))
                    .health("database", db.health())
                    .routes(r -> {
                        CaseRoutes.register(r, new CaseHandler(caseActions));
                        AuditRoutes.register(r, new AuditHandler(auditActions));
                    })
                    .build();
            OutboxWorker.builder(dsl, outbox)
                    .handler(CaseActions.IMPLEMENT_REQUESTED, caseActions.implementation())
                    .pollInterval(outboxPoll)
                    .maxAttempts(outboxAttempts)
                    .backoff(outboxBackoff)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
