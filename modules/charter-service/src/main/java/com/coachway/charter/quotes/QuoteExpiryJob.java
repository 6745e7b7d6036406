package com.coachway.charter.quotes;

import com.coachway.common.schedule.Scheduler;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Marks open quotes past valid_until as expired, every {@code interval}, as a task of the
 * service's {@link Scheduler} (a failed pass is logged there and tried again next interval).
 * Readers already see them as expired the moment that passes; the job makes the stored status
 * agree, so reports and other services reading rows see the same. One UPDATE per run, safe on
 * any number of replicas.
 */
public final class QuoteExpiryJob {
    private static final Logger log = LoggerFactory.getLogger(QuoteExpiryJob.class);

    private final DSLContext dsl;
    private final QuoteStore quotes;
    private final Clock clock;
    private final Duration interval;

    public QuoteExpiryJob(DSLContext dsl, QuoteStore quotes, Clock clock, Duration interval) {
        this.dsl = dsl;
        this.quotes = quotes;
        this.clock = clock;
        this.interval = interval;
    }

    /** Runs on {@code scheduler} from when it starts until it closes. */
    public QuoteExpiryJob scheduleOn(Scheduler scheduler) {
        scheduler.every("quote-expiry", interval, this::runOnce);
        return this;
    }

    /** One pass now; returns how many quotes it expired. */
    public int runOnce() {
        int expired = quotes.expireDue(dsl, OffsetDateTime.now(clock));
        if (expired > 0) log.info("{} quote(s) expired", expired);
        return expired;
    }
}
