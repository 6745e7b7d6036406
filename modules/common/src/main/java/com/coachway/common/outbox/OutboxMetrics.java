package com.coachway.common.outbox;

import com.coachway.common.schedule.Scheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import static com.coachway.common.outbox.OutboxTable.CREATED_AT;
import static com.coachway.common.outbox.OutboxTable.FAILED;
import static com.coachway.common.outbox.OutboxTable.PENDING;
import static com.coachway.common.outbox.OutboxTable.STATUS;

/**
 * An outbox's backlog as gauges: {@code outbox_pending_events} (written, not yet delivered),
 * {@code outbox_oldest_pending_age_seconds} (how long the oldest of them has waited; 0 when none),
 * {@code outbox_failed_events} (given up on, waiting for an operator), tagged schema=&lt;schema&gt;.
 *
 * <p>The table is counted by a scheduler task every {@code refresh}, not on each scrape, so a
 * slow or frozen database never makes /metrics hang; the age is computed at scrape time from the
 * oldest row's created_at. While the count fails the gauges read NaN (no data), not stale numbers.
 */
public final class OutboxMetrics {
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(15);

    private record Snapshot(double pending, double failed, OffsetDateTime oldestPending) {
        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, null);
    }

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.UNKNOWN;

    private OutboxMetrics(DSLContext dsl, Outbox outbox, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Gauges for {@code outbox} in {@code registry}, counted on {@code scheduler} every {@link #DEFAULT_REFRESH}. */
    public static OutboxMetrics register(DSLContext dsl, Outbox outbox, MeterRegistry registry, Scheduler scheduler) {
        return register(dsl, outbox, registry, scheduler, DEFAULT_REFRESH, Clock.systemUTC());
    }

    public static OutboxMetrics register(DSLContext dsl, Outbox outbox, MeterRegistry registry, Scheduler scheduler,
                                         Duration refresh, Clock clock) {
        var metrics = new OutboxMetrics(dsl, outbox, clock);
        metrics.bindTo(registry);
        scheduler.every("outbox-metrics-" + outbox.schema(), refresh, metrics::refresh);
        return metrics;
    }

    private void bindTo(MeterRegistry registry) {
        String schema = outbox.schema();
        Gauge.builder("outbox.pending", this, m -> m.snapshot.pending())
                .description("Outbox events written and not yet delivered")
                .baseUnit("events").tag("schema", schema).strongReference(true).register(registry);
        Gauge.builder("outbox.failed", this, m -> m.snapshot.failed())
                .description("Outbox events given up on after their last attempt")
                .baseUnit("events").tag("schema", schema).strongReference(true).register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, OutboxMetrics::oldestPendingAgeSeconds)
                .description("How long the oldest undelivered outbox event has waited")
                .baseUnit("seconds").tag("schema", schema).strongReference(true).register(registry);
    }

    /** Counts the table now (the scheduler task calls this); on failure the gauges read NaN and it throws. */
    public void refresh() {
        try {
            var pending = DSL.count().filterWhere(STATUS.eq(PENDING));
            var failed = DSL.count().filterWhere(STATUS.eq(FAILED));
            var oldest = DSL.min(CREATED_AT).filterWhere(STATUS.eq(PENDING));
            var row = dsl.select(pending, failed, oldest)
                    .from(outbox.table())
                    .where(STATUS.in(PENDING, FAILED))
                    .fetchOne();
            snapshot = row == null ? new Snapshot(0, 0, null) : new Snapshot(row.value1(), row.value2(), row.value3());
        } catch (RuntimeException e) {
            snapshot = Snapshot.UNKNOWN;
            throw e;
        }
    }

    double oldestPendingAgeSeconds() {
        Snapshot s = snapshot;
        if (Double.isNaN(s.pending())) return Double.NaN;
        if (s.oldestPending() == null) return 0;
        Duration age = Duration.between(s.oldestPending().toInstant(), Instant.now(clock));
        return Math.max(0, age.toMillis() / 1000.0);
    }
}
