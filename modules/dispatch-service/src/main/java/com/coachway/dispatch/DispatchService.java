package com.coachway.dispatch;

import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.schedule.Scheduler;

/**
 * dispatch-service: drivers, assignments of drivers and vehicles to charters (overlap and hours of
 * service), the day board, trip events, recoveries, GPS tracking. Wiring only.
 */
public final class DispatchService {
    public static final String NAME = "dispatch-service";
    public static final int DEFAULT_PORT = 8009;

    private DispatchService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.integer("PORT", DEFAULT_PORT, 0, 65535);

        var db = Database.connect(config, "dispatch", NAME);
        try {
            var dsl = db.dsl();
            var outbox = new Outbox("dispatch");
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(DispatchService.class)
                    .auth(TokenVerifier.fromConfig(config))
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .revokedSessions(RevokedSessions.fromConfig(config, NAME))
                    .health("database", db.health())
                    .routes(r -> {
                        // TRACKING: TrackingRoutes.register(r, ...) goes here (tracking package, V2__tracking.sql)
                    })
                    .build();
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
