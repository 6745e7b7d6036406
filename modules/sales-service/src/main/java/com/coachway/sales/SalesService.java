package com.coachway.sales;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;
import com.coachway.sales.activities.ActivityActions;
import com.coachway.sales.activities.ActivityHandler;
import com.coachway.sales.activities.ActivityRoutes;
import com.coachway.sales.activities.ActivityStore;
import com.coachway.sales.agents.AgentActions;
import com.coachway.sales.agents.AgentHandler;
import com.coachway.sales.agents.AgentRoutes;
import com.coachway.sales.agents.AgentStore;
import com.coachway.sales.agents.Assignments;
import com.coachway.sales.audit.SalesAudit;
import com.coachway.sales.campaigns.CampaignActions;
import com.coachway.sales.campaigns.CampaignDelivery;
import com.coachway.sales.campaigns.CampaignHandler;
import com.coachway.sales.campaigns.CampaignRoutes;
import com.coachway.sales.campaigns.CampaignStore;
import com.coachway.common.idempotency.RequestKeyStore;
import com.coachway.sales.leads.ConversionActions;
import com.coachway.sales.leads.LeadActions;
import com.coachway.sales.leads.LeadHandler;
import com.coachway.sales.leads.LeadRoutes;
import com.coachway.sales.leads.LeadStore;
import com.coachway.sales.preferences.PreferenceActions;
import com.coachway.sales.preferences.PreferenceHandler;
import com.coachway.sales.preferences.PreferenceRoutes;
import com.coachway.sales.preferences.PreferenceStore;
import com.coachway.sales.remote.CharterDirectory;
import com.coachway.sales.remote.ClientDirectory;
import com.coachway.sales.remote.Notifications;
import com.coachway.sales.remote.UserDirectory;

import java.time.Clock;

/**
 * sales-service: leads and activities, agents with the round-robin, email preferences and the
 * public unsubscribe, marketing campaigns, and lead conversion. Wiring only.
 */
public final class SalesService {
    public static final String NAME = "sales-service";
    public static final int DEFAULT_PORT = 8010;

    private SalesService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    public static RunningService start(Config config, Clock clock) {
        int port = config.port(DEFAULT_PORT);
        var zone = config.zone("TZ", "America/New_York");
        String publicBaseUrl = config.uri("PUBLIC_BASE_URL", "http://localhost:8080").toString();
        var tokens = ServiceTokens.fromConfig(config, NAME);
        // conversions call these two with the caller's token (set per call), never with ours
        var clients = new ClientDirectory(ServiceClient.builder(config, "client-service").build());
        var charters = new CharterDirectory(ServiceClient.builder(config, "charter-service").build());
        var users = new UserDirectory(ServiceClient.builder(config, "auth-service").token(tokens).build());
        var notifications = new Notifications(ServiceClient.builder(config, "notification-service").token(tokens).build());

        var db = Database.connect(config, "sales", NAME);
        try {
            var dsl = db.dsl();
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            var outbox = new Outbox("sales");
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var audit = new AuditTrail(outbox, NAME, clock, SalesAudit.ACTIONS);
            var salesAudit = new SalesAudit(audit);
            var agentStore = new AgentStore();
            var leadStore = new LeadStore();
            var preferenceStore = new PreferenceStore();
            var campaignStore = new CampaignStore();
            var agentActions = new AgentActions(dsl, agentStore, users, salesAudit, clock);
            var leadActions = new LeadActions(dsl, leadStore, new Assignments(agentStore), salesAudit, zone, clock);
            var conversions = new ConversionActions(dsl, leadStore, clients, charters, salesAudit, clock);
            var activityActions = new ActivityActions(dsl, new ActivityStore(), clock);
            var preferenceActions = new PreferenceActions(dsl, preferenceStore, salesAudit, clock);
            var campaignActions = new CampaignActions(dsl, campaignStore, preferenceStore, new RequestKeyStore("sales"), outbox, salesAudit, clock);
            var delivery = new CampaignDelivery(dsl, campaignStore, preferenceStore, notifications, publicBaseUrl, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(SalesService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .routes(r -> {
                        LeadRoutes.register(r, new LeadHandler(leadActions, conversions));
                        ActivityRoutes.register(r, new ActivityHandler(activityActions));
                        AgentRoutes.register(r, new AgentHandler(agentActions));
                        PreferenceRoutes.register(r, new PreferenceHandler(preferenceActions));
                        CampaignRoutes.register(r, new CampaignHandler(campaignActions));
                    })
                    .build();
            OutboxWorker.builder(dsl, outbox)
                    .handler(CampaignDelivery.TOPIC, delivery)
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
}
