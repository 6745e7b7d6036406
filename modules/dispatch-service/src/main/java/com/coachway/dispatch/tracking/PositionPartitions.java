package com.coachway.dispatch.tracking;

import com.coachway.common.schedule.Scheduler;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keeps the day partitions of dispatch.vehicle_position ready: every UTC day a position may be
 * posted for (7 days back, 5 minutes ahead) plus a week ahead, so a missed run or two never sends
 * rows to the default partition. Runs at start (before the service answers) and every hour;
 * replicas queue on the function's advisory lock. Dropping old days (retention) is not done here.
 */
public final class PositionPartitions {
    static final Duration EVERY = Duration.ofHours(1);
    static final int DAYS_AHEAD = 7;
    private static final Logger log = LoggerFactory.getLogger(PositionPartitions.class);

    private final DSLContext dsl;
    private final TrackingStore store;
    private final Clock clock;

    public PositionPartitions(DSLContext dsl, TrackingStore store, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.clock = clock;
    }

    /** Creates the missing day partitions around today; how many it created. */
    public int ensure() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int made = store.ensurePartitions(dsl, today.minusDays(TrackingRules.MAX_AGE.toDays() + 1), today.plusDays(DAYS_AHEAD));
        if (made > 0) log.info("created {} day partition(s) of dispatch.vehicle_position", made);
        return made;
    }

    /** {@link #ensure} now, then every hour on the service's scheduler. */
    public void keepReady(Scheduler scheduler) {
        ensure();
        scheduler.every("position-partitions", EVERY, this::ensure);
    }
}
