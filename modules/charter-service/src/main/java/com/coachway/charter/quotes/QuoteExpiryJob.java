package com.coachway.charter.quotes;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Marks open quotes past valid_until as expired, on a virtual thread, every {@code interval}.
 * Readers already see them as expired the moment that passes; the job makes the stored status
 * agree, so reports and other services reading rows see the same. One UPDATE per run, safe on
 * any number of replicas.
 */
public final class QuoteExpiryJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuoteExpiryJob.class);

    private final DSLContext dsl;
    private final QuoteStore quotes;
    private final Clock clock;
    private final Duration interval;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    public QuoteExpiryJob(DSLContext dsl, QuoteStore quotes, Clock clock, Duration interval) {
        this.dsl = dsl;
        this.quotes = quotes;
        this.clock = clock;
        this.interval = interval;
    }

    public synchronized QuoteExpiryJob start() {
        if (thread == null) thread = Thread.ofVirtual().name("quote-expiry").start(this::loop);
        return this;
    }

    /** One pass now; returns how many quotes it expired. */
    public int runOnce() {
        int expired = quotes.expireDue(dsl, OffsetDateTime.now(clock));
        if (expired > 0) log.info("{} quote(s) expired", expired);
        return expired;
    }

    private void loop() {
        do {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("quote expiry pass failed; trying again in {} s: {}", interval.toSeconds(), e.toString());
            }
        } while (!waitForStop());
    }

    private boolean waitForStop() {
        try {
            return stop.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Override
    public void close() {
        stop.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) return;
        try {
            if (!t.join(Duration.ofSeconds(5))) t.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
