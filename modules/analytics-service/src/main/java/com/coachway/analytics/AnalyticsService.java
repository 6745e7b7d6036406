package com.coachway.analytics;

import com.coachway.analytics.reports.ReportActions;
import com.coachway.analytics.reports.ReportHandler;
import com.coachway.analytics.reports.ReportRoutes;
import com.coachway.analytics.reports.ReportStore;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.schedule.Scheduler;

import java.time.Clock;
import java.time.Duration;

/**
 * analytics-service: revenue, charter metrics, vendor performance and the dashboard, in SQL over
 * read-only views (schema analytics) of the other services' tables. Wiring only.
 */
public final class AnalyticsService {
    public static final String NAME = "analytics-service";
    public static final int DEFAULT_PORT = 8013;

    private AnalyticsService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** With the clock that says what "now" and "today" are (tests fix it). */
    public static RunningService start(Config config, Clock clock) {
        int port = config.port(DEFAULT_PORT);
        // The company's calendar: days, weeks and months of the reports are taken there.
        var zone = config.zone("TZ", "America/New_York");
        var sourceWait = Duration.ofSeconds(config.integer("ANALYTICS_SOURCE_WAIT_SECONDS", 60, 0, 3600));
        var db = SourceTables.connectWhenPresent(config, NAME, sourceWait);
        try {
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            var reports = new ReportActions(db.dsl(), new ReportStore(), zone, clock);
            var app = ServiceApp.named(NAME)
                    .openApiFrom(AnalyticsService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .routes(r -> ReportRoutes.register(r, new ReportHandler(reports)))
                    .build();
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
