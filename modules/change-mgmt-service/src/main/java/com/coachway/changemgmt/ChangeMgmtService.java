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
import com.coachway.changemgmt.remote.Clients;
import com.coachway.changemgmt.remote.Pricing;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxForwarder;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;

import java.time.Clock;

/**
 * change-mgmt-service: change cases on charters (priced by pricing-service, decided, applied to
 * charter-service after commit, the client told by notification-service) and the platform's audit trail. Wiring only.
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
        int port = config.port(DEFAULT_PORT);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charters = new Charters(ServiceClient.builder(config, "charter-service").token(tokens).build());
        var pricing = new Pricing(ServiceClient.builder(config, "pricing-service").token(tokens).build());
        var clients = new Clients(ServiceClient.builder(config, "client-service").token(tokens).build());
        var notifications = ServiceClient.builder(config, "notification-service").token(tokens).build();

        var db = Database.connect(config, "change_mgmt", NAME);
        try {
            var dsl = db.dsl();
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            var outbox = new Outbox("change_mgmt");
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var auditStore = new AuditStore();
            var auditActions = new AuditActions(dsl, auditStore, clock);
            var caseActions = new CaseActions(dsl, new CaseStore(), auditStore, charters, pricing, clients, outbox, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(ChangeMgmtService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .routes(r -> {
                        CaseRoutes.register(r, new CaseHandler(caseActions));
                        AuditRoutes.register(r, new AuditHandler(auditActions));
                    })
                    .build();
            OutboxWorker.builder(dsl, outbox)
                    .handler(CaseActions.IMPLEMENT_REQUESTED, caseActions.implementation())
                    .handler(CaseActions.NOTIFICATION_REQUESTED, OutboxForwarder.to(notifications, "/notifications"))
                    .configured(config)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
