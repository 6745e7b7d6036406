package com.coachway.notification.delivery;

import com.coachway.common.http.RequestIds;
import com.coachway.common.outbox.Backoff;
import com.coachway.common.schedule.Scheduler;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the queue, as common's OutboxWorker delivers an outbox, on the service's one Scheduler:
 * each poll leases a batch of due messages (a short autocommitted statement), sends them
 * outside any transaction — up to {@code concurrency} at a time, each on its own virtual thread
 * — and records each outcome fenced by its attempt. Any number of workers (replicas) can run:
 * they skip each other's leases. A worker that dies mid-send leaves its rows leased until the
 * lease passes; then they are sent again (at least once: a provider's answer lost in a crash
 * cannot be known).
 *
 * <p>On stop (the scheduler closing) sends in flight finish and are recorded, and leased rows not
 * yet started are handed back at once, uncounted, so a restart mid-batch loses nothing and
 * sends nothing twice. A send still running when the scheduler's grace (5 s) is over is
 * interrupted and recorded as a failed attempt, to be retried.
 */
public final class SendWorker {
    private static final Logger log = LoggerFactory.getLogger(SendWorker.class);

    private final DSLContext dsl;
    private final DeliveryStore store;
    private final Providers providers;
    private final Settings settings;
    private volatile Scheduler scheduler;
    private int dbFailures;

    /** How the worker paces itself; see the NOTIFY_* variables in the README. */
    public record Settings(Duration pollInterval, int batchSize, int concurrency, int maxAttempts, Backoff backoff, Duration lease) {
        public Settings {
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(lease, "lease");
            if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) throw new IllegalArgumentException("batch, concurrency and attempts must be positive");
        }
    }

    public SendWorker(DSLContext dsl, DeliveryStore store, Providers providers, Settings settings) {
        this.dsl = dsl;
        this.store = store;
        this.providers = providers;
        this.settings = settings;
    }

    /** Runs as a task of the service's scheduler, which starts and stops it with the server. */
    public SendWorker scheduleOn(Scheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.repeat("notification-sender", settings.pollInterval(), this::poll);
        return this;
    }

    private boolean stopping() {
        Scheduler s = scheduler;
        return s != null && s.closing();
    }

    /** One batch; answers how long to wait before the next (zero after a full batch: more may be due). */
    private Duration poll() {
        if (stopping()) return settings.pollInterval();
        int handled;
        try {
            handled = runOnce();
            if (dbFailures > 0) log.info("notification sender is polling again after {} failed polls", dbFailures);
            dbFailures = 0;
        } catch (RuntimeException e) {
            dbFailures++;
            if (dbFailures == 1 || dbFailures % 100 == 0) log.warn("notification sender cannot poll ({} times in a row): {}", dbFailures, e.toString());
            return settings.pollInterval().multipliedBy(Math.min(1L << Math.min(dbFailures, 5), 30));
        }
        return handled >= settings.batchSize() ? Duration.ZERO : settings.pollInterval();
    }

    /** Leases one batch and sends it; returns how many were leased. Tests and tools may call it. */
    public int runOnce() {
        List<Outbound> leased = store.lease(dsl, settings.batchSize(), settings.lease());
        if (leased.isEmpty()) return 0;
        var permits = new Semaphore(settings.concurrency());
        try (var sends = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < leased.size(); i++) {
                boolean started = false;
                try {
                    permits.acquire();
                    started = !stopping();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (!started) {
                    permits.release();
                    // Not started: handed back at once for the next worker, no need to wait out the lease.
                    leased.subList(i, leased.size()).forEach(this::giveBack);
                    break;
                }
                Outbound m = leased.get(i);
                sends.submit(() -> {
                    try {
                        send(m);
                    } finally {
                        permits.release();
                    }
                });
            }
        } // waits for the sends in flight
        return leased.size();
    }

    private void send(Outbound m) {
        // A provider call logs under one id per message, the same on every attempt.
        MDC.put(RequestIds.MDC_KEY, "notification-" + m.id());
        Provider provider = providers.forChannel(m.channel());
        try {
            if (m.attempt() > settings.maxAttempts()) {
                // A worker died during the last attempt: it may have sent, but no attempt is left to find out.
                store.markFailed(dsl, m, provider.name(), "the lease of attempt " + (m.attempt() - 1) + " ran out before its outcome was recorded");
                return;
            }
            String providerId;
            try {
                providerId = provider.send(m);
            } catch (ProviderException e) {
                recordFailure(m, provider, e);
                return;
            } catch (RuntimeException e) {
                recordFailure(m, provider, ProviderException.noAnswer(provider.name(), e));
                return;
            }
            if (!store.markSent(dsl, m, provider.name(), providerId)) {
                log.warn("notification {} was sent after its lease ran out; another worker has it now", m.id());
            }
        } catch (RuntimeException e) {
            // The outcome could not be recorded (database): the row stays leased and is sent again when the lease passes.
            log.error("notification {}: recording attempt {} failed: {}", m.id(), m.attempt(), e.toString());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void recordFailure(Outbound m, Provider provider, ProviderException e) {
        var decision = RetryRules.after(m.attempt(), settings.maxAttempts(), e, settings.backoff(), ThreadLocalRandom.current()::nextDouble);
        if (decision.failed()) {
            log.warn("notification {} failed for good after attempt {}: {}", m.id(), m.attempt(), decision.error());
            store.markFailed(dsl, m, provider.name(), decision.error());
        } else {
            log.info("notification {} attempt {} of {} failed, next in {} ms: {}", m.id(), m.attempt(), settings.maxAttempts(),
                    decision.retryIn().toMillis(), decision.error());
            store.retryLater(dsl, m, provider.name(), decision.error(), decision.retryIn());
        }
    }

    private void giveBack(Outbound m) {
        try {
            store.giveBack(dsl, m);
        } catch (RuntimeException e) {
            log.info("notification {} stays leased until its lease runs out: {}", m.id(), e.toString());
        }
    }
}
