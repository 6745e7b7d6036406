package com.coachway.payment.schedules;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Opening a booked charter's schedule (from charter-service's outbox) and reading schedules. */
public final class ScheduleActions {
    private static final Logger log = LoggerFactory.getLogger(ScheduleActions.class);

    private final DSLContext dsl;
    private final ScheduleStore schedules;
    private final BigDecimal depositPct;
    private final int balanceDueDays;
    private final ZoneId zone;
    private final Clock clock;

    public ScheduleActions(DSLContext dsl, ScheduleStore schedules, BigDecimal depositPct, int balanceDueDays, ZoneId zone,
                           Clock clock) {
        this.dsl = dsl;
        this.schedules = schedules;
        this.depositPct = depositPct;
        this.balanceDueDays = balanceDueDays;
        this.zone = zone;
        this.clock = clock;
    }

    public record Request(UUID charterId, UUID clientId, UUID quoteId, BigDecimal total, String currency,
                          OffsetDateTime pickupAt, OffsetDateTime bookedAt) {
    }

    /** Opens the schedule, or answers the one opened under the same key; another key for a scheduled charter is a 409. */
    public Schedule open(Request r, String key, String fingerprint) {
        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var bookedOn = (r.bookedAt() == null ? now : r.bookedAt()).atZoneSameInstant(zone).toLocalDate();
        var pickupDay = r.pickupAt().atZoneSameInstant(zone).toLocalDate();
        var planned = ScheduleRules.split(r.total(), depositPct, balanceDueDays, bookedOn, pickupDay);
        UUID opened = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var earlier = schedules.bySourceKey(tx, key);
            if (earlier.isEmpty()) {
                if (schedules.insertIfNew(tx, id, r.charterId(), r.clientId(), r.quoteId(), r.total(), r.currency(),
                        r.pickupAt(), bookedOn, key, fingerprint, now)) {
                    schedules.insertInstallments(tx, id, planned);
                    return id;
                }
                earlier = schedules.bySourceKey(tx, key);
            }
            if (earlier.isEmpty()) throw ApiException.conflict("The charter already has a payment schedule");
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw ApiException.conflict("This Idempotency-Key was used to open a different schedule");
            }
            return earlier.get().id();
        });
        if (opened.equals(id)) log.info("schedule {} of {} opened for charter {} ({} installments)", id, r.total(), r.charterId(), planned.size());
        return schedules.find(dsl, opened).orElseThrow();
    }

    public Page<Schedule> list(ClientScope scope, UUID charterId, UUID clientId, PageRequest page) {
        return schedules.list(dsl, scope, charterId, clientId, page);
    }
}
