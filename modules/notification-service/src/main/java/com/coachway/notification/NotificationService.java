package com.coachway.notification;

import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Backoff;
import com.coachway.common.schedule.Scheduler;
import com.coachway.notification.delivery.DeliveryStore;
import com.coachway.notification.delivery.Providers;
import com.coachway.notification.delivery.QueueMetrics;
import com.coachway.notification.delivery.SendWorker;
import com.coachway.notification.notifications.NotificationActions;
import com.coachway.notification.notifications.NotificationHandler;
import com.coachway.notification.notifications.NotificationRoutes;
import com.coachway.notification.notifications.NotificationStore;
import com.coachway.notification.templates.TemplateActions;
import com.coachway.notification.templates.TemplateHandler;
import com.coachway.notification.templates.TemplateRoutes;
import com.coachway.notification.templates.TemplateStore;

import java.time.Clock;
import java.time.Duration;

/** notification-service: message templates, the queue of emails and text messages, and the worker that sends it. Wiring only. */
public final class NotificationService {
    public static final String NAME = "notification-service";
    public static final int DEFAULT_PORT = 8006;

    private NotificationService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.port(DEFAULT_PORT);
        var clock = Clock.systemUTC();
        var providers = Providers.fromConfig(config, clock);
        var sending = workerSettings(config);

        var db = Database.connect(config, "notification", NAME);
        try {
            var dsl = db.dsl();
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            var delivery = new DeliveryStore();
            QueueMetrics.register(dsl, delivery, metrics.registry(), scheduler);
            var templates = new TemplateActions(dsl, new TemplateStore(), clock);
            var notifications = new NotificationActions(dsl, new NotificationStore(), templates, clock);
            var app = ServiceApp.named(NAME)
                    .openApiFrom(NotificationService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .healthInfo("provider", providers.summary())
                    .healthInfo("providers", providers.byChannel())
                    .routes(r -> {
                        TemplateRoutes.register(r, new TemplateHandler(templates));
                        NotificationRoutes.register(r, new NotificationHandler(notifications));
                    })
                    .build();
            new SendWorker(dsl, delivery, providers, sending).scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Backoff and pacing are configurable so tests run the real worker in milliseconds. */
    private static SendWorker.Settings workerSettings(Config config) {
        var base = Duration.ofMillis(config.integer("NOTIFY_BACKOFF_BASE_MS", 30_000, 1, 3_600_000));
        var cap = Duration.ofMillis(config.integer("NOTIFY_BACKOFF_MAX_MS", 3_600_000, 1, 86_400_000));
        if (cap.compareTo(base) < 0) throw new Config.ConfigException("NOTIFY_BACKOFF_MAX_MS", "must be at least NOTIFY_BACKOFF_BASE_MS");
        double jitter = config.integer("NOTIFY_BACKOFF_JITTER_PCT", 20, 0, 100) / 100.0;
        return new SendWorker.Settings(
                Duration.ofMillis(config.integer("NOTIFY_POLL_INTERVAL_MS", 500, 10, 600_000)),
                config.integer("NOTIFY_BATCH_SIZE", 50, 1, 1000),
                config.integer("NOTIFY_CONCURRENCY", 4, 1, 64),
                config.integer("NOTIFY_MAX_ATTEMPTS", 5, 1, 20),
                new Backoff(base, cap, jitter),
                Duration.ofSeconds(config.integer("NOTIFY_LEASE_SECONDS", 300, 10, 3600)));
    }
}
