package com.coachway.dispatch.recoveries;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.dispatch.access.DriverScope;
import com.coachway.dispatch.assignments.Assignment;
import com.coachway.dispatch.assignments.AssignmentActions;
import com.coachway.dispatch.assignments.AssignmentRules;
import com.coachway.dispatch.assignments.AssignmentStore;
import com.coachway.dispatch.assignments.Placement;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Recoveries: a trip in trouble, and the replacement driver and/or vehicle sent to carry it on.
 * The replacement takes over the rest of the window from the handover (now, or the assignment's
 * start if later): the original ends there and a new assignment, placed through the same
 * {@link Placement} as any (qualification, overlap, hours of service), runs to the original end.
 * charter-service is read before the transaction.
 */
public final class RecoveryActions {
    private static final Logger log = LoggerFactory.getLogger(RecoveryActions.class);

    private final DSLContext dsl;
    private final RecoveryStore recoveries;
    private final AssignmentStore assignments;
    private final AssignmentActions assigning;
    private final Placement placement;
    private final Clock clock;

    public RecoveryActions(DSLContext dsl, RecoveryStore recoveries, AssignmentStore assignments, AssignmentActions assigning,
                           Placement placement, Clock clock) {
        this.dsl = dsl;
        this.recoveries = recoveries;
        this.assignments = assignments;
        this.assigning = assigning;
        this.placement = placement;
        this.clock = clock;
    }

    public Recovery get(UUID id) {
        return recoveries.find(dsl, id).orElseThrow(() -> ApiException.notFound("Recovery"));
    }

    public Page<Recovery> list(String status, UUID assignmentId, PageRequest page) {
        return recoveries.list(dsl, status, assignmentId, page);
    }

    public record Opening(UUID assignmentId, String reason, String location, String notes) {
    }

    public Recovery open(Caller caller, Opening o, String key, String fingerprint) {
        String scope = caller.subject();
        UUID id = Ids.newId();
        Recovery result = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (key != null) {
                var earlier = recoveries.byKey(tx, scope, key);
                if (earlier.isPresent()) return answerAgain(tx, earlier.get(), fingerprint);
            }
            Assignment a = assignments.lock(tx, DriverScope.all(), o.assignmentId())
                    .orElseThrow(() -> ApiException.notFound("Assignment"));
            refuseUnlessLive(a);
            var n = new RecoveryStore.NewRecovery(id, o.assignmentId(), o.reason(), o.location(), o.notes());
            if (!recoveries.insertIfNew(tx, n, scope, key, fingerprint, caller.subject(), OffsetDateTime.now(clock))) {
                return answerAgain(tx, recoveries.byKey(tx, scope, key).orElseThrow(), fingerprint);
            }
            return recoveries.find(tx, id).orElseThrow();
        });
        if (result.id().equals(id)) log.info("recovery {} opened on assignment {}: {} ({})", id, o.assignmentId(), o.reason(), caller.subject());
        return result;
    }

    public Recovery update(Caller caller, UUID id, RecoveryRule.Change change) {
        Recovery seen = get(id);
        if (change.sendsReplacement()) {
            Assignment a = assignments.find(dsl, DriverScope.all(), seen.assignmentId()).orElseThrow();
            boolean sameDriver = change.replacementDriverId() == null || change.replacementDriverId().equals(a.driverId());
            boolean sameVehicle = change.replacementVehicleId() == null || change.replacementVehicleId().equals(a.vehicleId());
            if (sameDriver && sameVehicle) {
                throw ApiException.validation(List.of(new FieldError("replacement_vehicle_id",
                        "a replacement must change the assignment's vehicle or driver")));
            }
            // read before the transaction: the charter can still be carried on, the new vehicle can run
            assigning.requireAssignableCharter(a.charterId(), AssignmentRules.RECOVERABLE_CHARTER);
            if (!sameVehicle) assigning.requireActiveVehicle(change.replacementVehicleId());
        }
        Recovery changed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Recovery r = recoveries.lock(tx, id).orElseThrow(() -> ApiException.notFound("Recovery"));
            RecoveryRule.refusal(r.status(), change).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (change.hasNotes()) recoveries.setNotes(tx, id, change.notes(), now);
            if (change.sendsReplacement()) {
                UUID replacement = handOver(tx, r, change, caller, now);
                recoveries.dispatched(tx, id, change.replacementVehicleId(), change.replacementDriverId(), replacement, now);
            } else if (change.targetStatus() != null) {
                recoveries.setStatus(tx, id, change.targetStatus(), now);
            }
            return recoveries.find(tx, id).orElseThrow();
        });
        log.info("recovery {} is {} ({})", id, changed.status(), caller.subject());
        return changed;
    }

    /** Ends the original at the handover and places the replacement for the rest of its window; the new assignment's id. */
    private UUID handOver(DSLContext tx, Recovery r, RecoveryRule.Change change, Caller caller, OffsetDateTime now) {
        Assignment a = assignments.lock(tx, DriverScope.all(), r.assignmentId()).orElseThrow();
        refuseUnlessLive(a);
        OffsetDateTime handover = now.isAfter(a.startsAt()) ? now : a.startsAt();
        if (!handover.isBefore(a.endsAt())) {
            throw ApiException.conflict("The assignment's window ended at " + a.endsAt() + "; there is nothing left to hand over");
        }
        if (handover.equals(a.startsAt())) {
            assignments.cancel(tx, a.id(), "handed over by recovery " + r.id(), now);
        } else {
            assignments.endEarly(tx, a.id(), handover, AssignmentRules.drivingWithin(a.drivingHours(), a.startsAt(), handover), now);
        }
        var next = new AssignmentStore.NewAssignment(Ids.newId(), a.charterId(),
                change.replacementDriverId() != null ? change.replacementDriverId() : a.driverId(),
                change.replacementVehicleId() != null ? change.replacementVehicleId() : a.vehicleId(),
                handover, a.endsAt(), AssignmentRules.drivingWithin(a.drivingHours(), handover, a.endsAt()), a.status());
        placement.place(tx, next, null, null, null, caller.subject(), now);
        assignments.setReplacedBy(tx, a.id(), next.id(), now);
        log.info("recovery {}: assignment {} handed over to {} at {}", r.id(), a.id(), next.id(), handover);
        return next.id();
    }

    private static void refuseUnlessLive(Assignment a) {
        if (AssignmentRules.FINISHED.contains(a.status())) {
            throw ApiException.conflict("The assignment is " + a.status() + "; only a live assignment can be recovered");
        }
        if (a.replacedBy() != null) {
            throw ApiException.conflict("The assignment was handed over to assignment " + a.replacedBy() + " already; recover that one");
        }
    }

    private Recovery answerAgain(DSLContext tx, RecoveryStore.Keyed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different recovery");
        }
        return recoveries.find(tx, earlier.id()).orElseThrow();
    }
}
