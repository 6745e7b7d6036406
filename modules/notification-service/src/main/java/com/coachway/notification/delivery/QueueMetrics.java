package com.coachway.notification.delivery;

import com.coachway.common.schedule.Scheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;

import java.time.Duration;

/**
 * The queue as gauges, like common's outbox gauges: {@code notifications_queued_messages} (waiting
 * or being sent), {@code notifications_failed_messages} (given up on, waiting for an operator) and
 * {@code notifications_oldest_queued_age_seconds}. Counted by a scheduler task every 15 s, not per
 * scrape, so a slow database never makes /metrics hang; NaN while the count fails.
 */
public final class QueueMetrics {
    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final DSLContext dsl;
    private final DeliveryStore store;
    private volatile DeliveryStore.Backlog backlog;

    private QueueMetrics(DSLContext dsl, DeliveryStore store) {
        this.dsl = dsl;
        this.store = store;
    }

    public static void register(DSLContext dsl, DeliveryStore store, MeterRegistry registry, Scheduler scheduler) {
        var m = new QueueMetrics(dsl, store);
        Gauge.builder("notifications.queued", m, q -> q.read(DeliveryStore.Backlog::queued))
                .description("Messages queued, not yet sent or failed").baseUnit("messages").strongReference(true).register(registry);
        Gauge.builder("notifications.failed", m, q -> q.read(DeliveryStore.Backlog::failed))
                .description("Messages given up on after their last attempt").baseUnit("messages").strongReference(true).register(registry);
        Gauge.builder("notifications.oldest.queued.age", m, q -> q.read(DeliveryStore.Backlog::oldestQueuedSeconds))
                .description("How long the oldest queued message has waited").baseUnit("seconds").strongReference(true).register(registry);
        scheduler.every("notification-queue-metrics", REFRESH, m::refresh);
    }

    private double read(java.util.function.ToDoubleFunction<DeliveryStore.Backlog> f) {
        DeliveryStore.Backlog b = backlog;
        return b == null ? Double.NaN : f.applyAsDouble(b);
    }

    private void refresh() {
        try {
            backlog = store.backlog(dsl);
        } catch (RuntimeException e) {
            backlog = null;
            throw e;
        }
    }
}
