package com.coachway.common.outbox;

import com.coachway.common.config.Config;
import com.coachway.common.http.Json;
import com.coachway.common.http.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.jooq.Condition;
import com.coachway.common.schedule.Scheduler;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static com.coachway.common.outbox.OutboxTable.ATTEMPTS;
import static com.coachway.common.outbox.OutboxTable.CLOCK_NOW;
import static com.coachway.common.outbox.OutboxTable.CREATED_AT;
import static com.coachway.common.outbox.OutboxTable.DELIVERED;
import static com.coachway.common.outbox.OutboxTable.DELIVERED_AT;
import static com.coachway.common.outbox.OutboxTable.FAILED;
import static com.coachway.common.outbox.OutboxTable.ID;
import static com.coachway.common.outbox.OutboxTable.LAST_ERROR;
import static com.coachway.common.outbox.OutboxTable.LEASED_UNTIL;
import static com.coachway.common.outbox.OutboxTable.NEXT_ATTEMPT_AT;
import static com.coachway.common.outbox.OutboxTable.PAYLOAD;
import static com.coachway.common.outbox.OutboxTable.PENDING;
import static com.coachway.common.outbox.OutboxTable.STATUS;
import static com.coachway.common.outbox.OutboxTable.TOPIC;

/**
 * Delivers an {@link Outbox}'s events to the handler registered for their topic, on one virtual
 * thread that polls the table.
 *
 * <p>Each poll leases up to {@code batchSize} due rows in one short statement
 * ({@code UPDATE … SET leased_until = now + lease, attempts = attempts + 1 WHERE id IN (SELECT …
 * FOR UPDATE SKIP LOCKED) RETURNING …}) that commits at once; the handlers then run outside any
 * transaction, holding no row lock and no pooled connection, however slow the receiver is; each
 * outcome is recorded afterwards in a statement of its own. Other workers (threads, replicas)
 * skip leased rows, so any number can run side by side. A worker that dies mid-delivery leaves
 * its rows leased; once the lease runs out another worker delivers them again: delivery is at
 * least once, so receivers dedupe on the event id. The attempt counter is the lease's fence: a
 * worker whose lease ran out (and whose rows were leased again) can no longer record anything.
 *
 * <p>A worker claims only the topics it has handlers for: an event for a receiver that does not
 * exist yet (or that only a newer replica knows, during a rollout) waits, pending, until a worker
 * that can deliver it runs. A handler that throws fails the attempt: the error kept in last_error,
 * and the next attempt put off by {@link Backoff}; after {@code maxAttempts} the row is marked
 * failed and left alone.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_ERROR_CHARS = 2000;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Duration MAX_IDLE_AFTER_DB_ERRORS = Duration.ofSeconds(30);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    /** Keeps 99.90 as 99.90: a tree normally strips trailing zeros, and money must keep its scale. */
    private static final ObjectReader PAYLOAD_READER = Json.MAPPER.reader()
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Table<Record> table;
    private final Map<String, OutboxHandler> handlers;
    private final Duration pollInterval;
    private final int batchSize;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration lease;
    private final Duration retainDelivered;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean closed;
    /** Set when the worker runs on a service's scheduler: its stop is this worker's too. */
    private volatile Scheduler scheduler;
    private Thread thread;
    private int dbFailures;
    private long lastPurgeNanos = System.nanoTime();

    private OutboxWorker(Builder b) {
        this.dsl = b.dsl;
        this.outbox = b.outbox;
        this.table = b.outbox.table();
        this.handlers = Map.copyOf(b.handlers);
        this.pollInterval = b.pollInterval;
        this.batchSize = b.batchSize;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.lease = b.lease;
        this.retainDelivered = b.retainDelivered;
    }

    /** A worker for {@code outbox}'s table, reached through {@code dsl} (the service's pool, not a transaction). */
    public static Builder builder(DSLContext dsl, Outbox outbox) {
        return new Builder(dsl, outbox);
    }

    /** Starts polling on a virtual thread; idempotent. */
    public synchronized OutboxWorker start() {
        if (closed) throw new IllegalStateException("outbox worker for " + outbox.schema() + " is closed");
        if (thread == null) thread = Thread.ofVirtual().name("outbox-" + outbox.schema()).start(this::loop);
        return this;
    }

    /**
     * Leases and handles one batch of due events now, on the calling thread, and returns how
     * many it handled (delivered or failed). The poll loop calls this; so can tests and tools.
     */
    public int runOnce() {
        if (stopping() || handlers.isEmpty()) return 0;
        List<Leased> leased = leaseDue();
        int handled = 0;
        for (int i = 0; i < leased.size(); i++) {
            if (stopping()) {
                // Not started: handed back at once, still due, for the next worker (no need to wait out the lease).
                leased.subList(i, leased.size()).forEach(this::giveBack);
                break;
            }
            deliver(leased.get(i));
            handled++;
        }
        return handled;
    }

    /** A row this worker holds the lease of; {@code attempt} is also the fence of every write it makes to it. */
    private record Leased(UUID id, String topic, JSONB payload, int attempt, OffsetDateTime createdAt,
                          OffsetDateTime nextAttemptAt) {
    }

    /** One autocommitted statement: the rows are ours until the lease ends, and nothing stays locked. */
    private List<Leased> leaseDue() {
        var due = DSL.select(ID).from(table)
                .where(STATUS.eq(PENDING))
                .and(TOPIC.in(handlers.keySet()))
                .and(NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                .and(LEASED_UNTIL.isNull().or(LEASED_UNTIL.le(DSL.currentOffsetDateTime())))
                .orderBy(NEXT_ATTEMPT_AT)
                .limit(batchSize)
                .forUpdate()
                .skipLocked();
        return dsl.update(table)
                .set(LEASED_UNTIL, OutboxTable.clockNowPlusMillis(lease.toMillis()))
                .set(ATTEMPTS, ATTEMPTS.plus(1))
                .where(ID.in(due))
                .returning(ID, TOPIC, PAYLOAD, ATTEMPTS, CREATED_AT, NEXT_ATTEMPT_AT)
                .fetch(r -> new Leased(r.get(ID), r.get(TOPIC), r.get(PAYLOAD), r.get(ATTEMPTS), r.get(CREATED_AT),
                        r.get(NEXT_ATTEMPT_AT)))
                .stream()
                .sorted(Comparator.comparing(Leased::nextAttemptAt))
                .toList();
    }

    /** Stops polling: at once when idle, otherwise after the handler that is running returns. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
        }
        stopSignal.countDown();
        if (running == null || running == Thread.currentThread()) return;
        try {
            if (!running.join(CLOSE_GRACE)) {
                log.warn("Outbox worker for {} still busy after {} s; interrupting it", outbox.schema(), CLOSE_GRACE.toSeconds());
                running.interrupt();
                running.join(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (!closed) {
            Duration wait = poll();
            if (!wait.isZero() && !pause(wait.toMillis())) return;
        }
    }

    /**
     * Runs as a task of the service's one {@link Scheduler} instead of a thread of its own: the
     * scheduler starts and stops it with the server. close() still stops it between rows.
     */
    public OutboxWorker scheduleOn(Scheduler scheduler) {
        if (closed) throw new IllegalStateException("outbox worker for " + outbox.schema() + " is closed");
        this.scheduler = scheduler;
        scheduler.repeat("outbox-" + outbox.schema(), pollInterval, () -> stopping() ? pollInterval : poll());
        return this;
    }

    /** Closed, or its scheduler is stopping: rows leased and not yet started are handed back at once. */
    private boolean stopping() {
        Scheduler s = scheduler;
        return closed || (s != null && s.closing());
    }

    /** One batch and, when due, a purge; answers how long to wait before the next (zero: at once). */
    private Duration poll() {
        int handled = 0;
        try {
            handled = runOnce();
            purgeWhenDue();
            if (dbFailures > 0) log.info("Outbox worker for {} is polling again", outbox.schema());
            dbFailures = 0;
        } catch (RuntimeException e) {
            dbFailures++;
            if (dbFailures == 1 || dbFailures % 100 == 0) {
                log.warn("Outbox worker for {} cannot poll ({} times in a row): {}", outbox.schema(), dbFailures, e.toString());
            }
        }
        // A full batch means more may be due: go again at once. Otherwise wait, longer while the database is failing.
        if (handled >= batchSize && dbFailures == 0) return Duration.ZERO;
        long waitMs = dbFailures == 0 ? pollInterval.toMillis()
                : Math.min(pollInterval.toMillis() << Math.min(dbFailures, 10), MAX_IDLE_AFTER_DB_ERRORS.toMillis());
        return Duration.ofMillis(waitMs);
    }

    /** False when it is time to stop. */
    private boolean pause(long millis) {
        try {
            return !stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void purgeWhenDue() {
        if (retainDelivered == null || System.nanoTime() - lastPurgeNanos < PURGE_EVERY.toNanos()) return;
        lastPurgeNanos = System.nanoTime();
        int purged = outbox.purgeDelivered(dsl, retainDelivered);
        if (purged > 0) log.info("Outbox {}: purged {} delivered events older than {}", outbox.schema(), purged, retainDelivered);
    }

    private void deliver(Leased row) {
        UUID id = row.id();
        String topic = row.topic();
        int attempt = row.attempt();
        String outerRequestId = MDC.get(RequestIds.MDC_KEY);
        // Services called while delivering log under one id per event, the same on every retry.
        MDC.put(RequestIds.MDC_KEY, "outbox-" + id);
        try {
            if (attempt > maxAttempts) {
                // A worker died during the last attempt: it may have delivered, but there is no attempt left to find out.
                recordFailure(row, new IllegalStateException("the lease of attempt " + (attempt - 1) + " ran out before its outcome was recorded"));
                return;
            }
            OutboxHandler handler = handlers.get(topic);
            if (handler == null) throw new IllegalStateException("no handler for topic '" + topic + "'");
            JsonNode payload = PAYLOAD_READER.readTree(row.payload().data());
            handler.handle(new OutboxEvent(id, topic, payload, attempt, row.createdAt()));
            int marked = dsl.update(table)
                    .set(STATUS, DELIVERED)
                    .set(DELIVERED_AT, CLOCK_NOW)
                    .setNull(LAST_ERROR)
                    .setNull(LEASED_UNTIL)
                    .where(ours(row))
                    .execute();
            if (marked == 0) log.warn("Outbox event {} ({}) was delivered after its lease ran out; another worker has it now", id, topic);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            recordFailure(row, e);
        } finally {
            if (outerRequestId == null) MDC.remove(RequestIds.MDC_KEY);
            else MDC.put(RequestIds.MDC_KEY, outerRequestId);
        }
    }

    /** The row, while still under this worker's lease: no other worker has leased it since. */
    private static Condition ours(Leased row) {
        return ID.eq(row.id()).and(ATTEMPTS.eq(row.attempt())).and(STATUS.eq(PENDING));
    }

    private void giveBack(Leased row) {
        try {
            dsl.update(table).set(ATTEMPTS, row.attempt() - 1).setNull(LEASED_UNTIL).where(ours(row)).execute();
        } catch (RuntimeException e) {
            log.info("Outbox event {} stays leased until its lease runs out: {}", row.id(), e.toString());
        }
    }

    private void recordFailure(Leased row, Throwable e) {
        UUID id = row.id();
        String topic = row.topic();
        int attempt = row.attempt();
        String error = describe(e);
        if (attempt >= maxAttempts) {
            log.error("Outbox event {} ({}) failed for good after {} attempts: {}", id, topic, attempt, error);
            int marked = dsl.update(table)
                    .set(STATUS, FAILED)
                    .set(ATTEMPTS, Math.min(attempt, maxAttempts))
                    .set(LAST_ERROR, error)
                    .setNull(LEASED_UNTIL)
                    .where(ours(row))
                    .execute();
            if (marked == 1) afterFailure(row, error);
            return;
        }
        Duration delay = backoff.delayAfter(attempt, ThreadLocalRandom.current()::nextDouble);
        log.warn("Outbox event {} ({}) attempt {} of {} failed, retrying in {} ms: {}",
                id, topic, attempt, maxAttempts, delay.toMillis(), error);
        dsl.update(table)
                .set(LAST_ERROR, error)
                .set(NEXT_ATTEMPT_AT, OutboxTable.clockNowPlusMillis(delay.toMillis()))
                .setNull(LEASED_UNTIL)
                .where(ours(row))
                .execute();
    }

    /** The topic handler's clean-up after the last attempt; it cannot change the event's outcome. */
    private void afterFailure(Leased row, String error) {
        OutboxHandler handler = handlers.get(row.topic());
        if (handler == null) return;
        try {
            JsonNode payload = PAYLOAD_READER.readTree(row.payload().data());
            handler.failedForGood(new OutboxEvent(row.id(), row.topic(), payload, row.attempt(), row.createdAt()), error);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.error("Outbox event {} ({}): the clean-up after its last attempt failed: {}", row.id(), row.topic(), describe(e));
        }
    }

    /** Class and message, NUL-free (PostgreSQL text cannot hold it) and short enough to keep per row. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String s = e.getClass().getName() + (message == null ? "" : ": " + message);
        s = s.replace('\u0000', ' ');
        if (s.length() > MAX_ERROR_CHARS) {
            int end = MAX_ERROR_CHARS - 1;
            if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
            s = s.substring(0, end) + "…";
        }
        return s;
    }

    public static final class Builder {
        private final DSLContext dsl;
        private final Outbox outbox;
        private final Map<String, OutboxHandler> handlers = new HashMap<>();
        private Duration pollInterval = Duration.ofSeconds(1);
        private int batchSize = 20;
        private int maxAttempts = 8;
        private Backoff backoff = Backoff.DEFAULT;
        private Duration lease = Duration.ofMinutes(5);
        private Duration retainDelivered = Duration.ofDays(7);

        private Builder(DSLContext dsl, Outbox outbox) {
            this.dsl = Objects.requireNonNull(dsl, "dsl");
            this.outbox = Objects.requireNonNull(outbox, "outbox");
        }

        public Builder handler(String topic, OutboxHandler handler) {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(handler, "handler");
            if (handlers.putIfAbsent(topic, handler) != null) throw new IllegalArgumentException("two handlers for topic " + topic);
            return this;
        }

        public Builder handlers(Map<String, OutboxHandler> byTopic) {
            byTopic.forEach(this::handler);
            return this;
        }

        /**
         * The deployment's settings, the same names and limits for every service:
         * {@code OUTBOX_POLL_INTERVAL_MS} (10–600000, default 1000), {@code OUTBOX_MAX_ATTEMPTS}
         * (1–50, default 8) and {@code OUTBOX_BACKOFF_BASE_MS} (10–3600000, default 10000: the
         * first retry's delay, doubled for each next one up to an hour, as {@link Backoff#DEFAULT}).
         */
        public Builder configured(Config config) {
            pollInterval(Duration.ofMillis(config.integer("OUTBOX_POLL_INTERVAL_MS", 1000, 10, 600_000)));
            var base = Duration.ofMillis(config.integer("OUTBOX_BACKOFF_BASE_MS", (int) Backoff.DEFAULT.base().toMillis(), 10, 3_600_000));
            backoff(new Backoff(base, Backoff.DEFAULT.cap(), Backoff.DEFAULT.jitter()));
            return maxAttempts(config.integer("OUTBOX_MAX_ATTEMPTS", 8, 1, 50));
        }

        /** How long an idle worker waits before looking again; default 1 s. */
        public Builder pollInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("pollInterval must be positive");
            this.pollInterval = interval;
            return this;
        }

        /** Rows leased per poll; default 20. They are delivered one after the other, all within one lease. */
        public Builder batchSize(int size) {
            if (size < 1 || size > 1000) throw new IllegalArgumentException("batchSize must be between 1 and 1000");
            this.batchSize = size;
            return this;
        }

        /** Attempts before an event is marked failed; default 8. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
            this.maxAttempts = attempts;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * How long a batch stays this worker's before another may deliver it again (default 5
         * minutes): longer than a batch's handlers can take (each is bounded by its client's
         * timeouts), or a slow delivery is made twice while it runs.
         */
        public Builder lease(Duration lease) {
            if (lease == null || lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
            this.lease = lease;
            return this;
        }

        /** How long delivered rows are kept (default 7 days); null keeps them forever. */
        public Builder retainDelivered(Duration age) {
            if (age != null && age.isNegative()) throw new IllegalArgumentException("retainDelivered must not be negative");
            this.retainDelivered = age;
            return this;
        }

        public OutboxWorker build() {
            return new OutboxWorker(this);
        }

        public OutboxWorker start() {
            return build().start();
        }
    }
}
