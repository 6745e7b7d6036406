package com.coachway.dispatch.events;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.outbox.Outbox;
import com.coachway.dispatch.access.DriverScope;
import com.coachway.dispatch.assignments.Assignment;
import com.coachway.dispatch.assignments.AssignmentStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trip events: each moves the assignment by {@link TripStatusRule} in one transaction holding the
 * assignment's row lock. departed and completed also write a charter.progress event to the
 * outbox in that transaction; the worker asks charter-service after commit.
 */
public final class TripEventActions {
    /** Outbox topic: {charter_id, status} for charter-service, delivered by {@code Charters.progress}. */
    public static final String CHARTER_PROGRESS = "charter.progress";
    private static final Logger log = LoggerFactory.getLogger(TripEventActions.class);

    private final DSLContext dsl;
    private final AssignmentStore assignments;
    private final TripEventStore events;
    private final Outbox outbox;
    private final Clock clock;

    public TripEventActions(DSLContext dsl, AssignmentStore assignments, TripEventStore events, Outbox outbox, Clock clock) {
        this.dsl = dsl;
        this.assignments = assignments;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page<TripEvent> list(DriverScope scope, UUID assignmentId, PageRequest page) {
        assignments.find(dsl, scope, assignmentId).orElseThrow(() -> ApiException.notFound("Assignment"));
        return events.list(dsl, assignmentId, page);
    }

    public record Posted(String type, String note, Integer delayMinutes, Double lat, Double lon) {
    }

    public TripEvent post(Caller caller, DriverScope scope, UUID assignmentId, Posted p) {
        TripEvent recorded = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Assignment a = lockForEvent(tx, scope, assignmentId, p.type());
            if (a.replacedBy() != null) {
                throw ApiException.conflict("The assignment was handed over to assignment " + a.replacedBy()
                        + " by a recovery; post the trip's events there");
            }
            String after = switch (TripStatusRule.apply(a.status(), p.type())) {
                case TripStatusRule.Moved m -> m.status();
                case TripStatusRule.Refused r -> throw ApiException.conflict(r.detail());
            };
            OffsetDateTime now = OffsetDateTime.now(clock);
            var event = new TripEvent(Ids.newId(), assignmentId, p.type(), p.note(), p.delayMinutes(), p.lat(), p.lon(), after,
                    caller.subject(), now);
            events.insert(tx, event);
            if (!after.equals(a.status())) assignments.setStatus(tx, assignmentId, after, now);
            TripStatusRule.charterStatusFor(p.type()).ifPresent(status -> {
                if ("completed".equals(status) && !lastOfCharter(tx, a)) return;
                outbox.enqueue(tx, CHARTER_PROGRESS, Map.of("charter_id", a.charterId().toString(), "status", status,
                        "assignment_id", assignmentId.toString()));
            });
            return event;
        });
        log.info("trip event {} on assignment {}: {} ({})", recorded.id(), assignmentId, recorded.type(), caller.subject());
        return recorded;
    }

    /**
     * The assignment, locked. A completion locks every live assignment of the charter first, in
     * id order, so that two trips of one charter finishing at once queue (and the second sees the
     * first completed) rather than deadlock or both miss the charter's completion.
     */
    private Assignment lockForEvent(DSLContext tx, DriverScope scope, UUID id, String type) {
        if ("completed".equals(type)) {
            Assignment seen = assignments.find(tx, scope, id).orElseThrow(() -> ApiException.notFound("Assignment"));
            assignments.lockLiveOfCharter(tx, seen.charterId());
        }
        return assignments.lock(tx, scope, id).orElseThrow(() -> ApiException.notFound("Assignment"));
    }

    /** True when every other live assignment of the charter is completed (or was handed over by a recovery). */
    private boolean lastOfCharter(DSLContext tx, Assignment a) {
        List<Assignment> live = assignments.lockLiveOfCharter(tx, a.charterId());
        return live.stream().filter(o -> !o.id().equals(a.id()))
                .allMatch(o -> "completed".equals(o.status()) || o.replacedBy() != null);
    }
}
