package com.coachway.dispatch.assignments;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.dispatch.access.DriverScope;
import com.coachway.dispatch.access.RuleConflict;
import com.coachway.dispatch.remote.Charters;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Assigning drivers and vehicles to charters, and unassigning them. The charter and the vehicle
 * are read from charter-service before the transaction; everything else is checked inside it by
 * {@link Placement}, under the driver's row lock and the database's exclusion constraints.
 */
public final class AssignmentActions {
    private static final Logger log = LoggerFactory.getLogger(AssignmentActions.class);

    private final DSLContext dsl;
    private final AssignmentStore assignments;
    private final Placement placement;
    private final Charters charters;
    private final DutySettings settings;
    private final Clock clock;

    public AssignmentActions(DSLContext dsl, AssignmentStore assignments, Placement placement, Charters charters,
                             DutySettings settings, Clock clock) {
        this.dsl = dsl;
        this.assignments = assignments;
        this.placement = placement;
        this.charters = charters;
        this.settings = settings;
        this.clock = clock;
    }

    public Assignment get(DriverScope scope, UUID id) {
        return assignments.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Assignment"));
    }

    public record ListFilter(LocalDate date, UUID driverId, UUID charterId, UUID vehicleId, String status) {
    }

    public Page<Assignment> list(DriverScope scope, ListFilter f, PageRequest page) {
        OffsetDateTime from = f.date() == null ? null : f.date().atStartOfDay(settings.zone()).toOffsetDateTime();
        OffsetDateTime to = f.date() == null ? null : f.date().plusDays(1).atStartOfDay(settings.zone()).toOffsetDateTime();
        return assignments.list(dsl, scope, new AssignmentStore.Filter(from, to, f.driverId(), f.charterId(), f.vehicleId(),
                f.status()), page);
    }

    public record Request(UUID charterId, UUID driverId, UUID vehicleId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          BigDecimal drivingHours) {
    }

    /** Assigns, or answers the assignment made first under the same Idempotency-Key. */
    public Assignment create(Caller caller, Request r, String key, String fingerprint) {
        String scope = caller.subject();
        if (key != null) {
            var earlier = assignments.byKey(dsl, scope, key);
            if (earlier.isPresent()) return answerAgain(dsl, earlier.get(), fingerprint);
        }
        requireAssignableCharter(r.charterId(), AssignmentRules.ASSIGNABLE_CHARTER);
        requireActiveVehicle(r.vehicleId());
        var a = new AssignmentStore.NewAssignment(Ids.newId(), r.charterId(), r.driverId(), r.vehicleId(), r.startsAt(),
                r.endsAt(), r.drivingHours(), "scheduled");
        Assignment result = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!placement.place(tx, a, scope, key, fingerprint, caller.subject(), OffsetDateTime.now(clock))) {
                return answerAgain(tx, assignments.byKey(tx, scope, key).orElseThrow(), fingerprint);
            }
            return assignments.find(tx, DriverScope.all(), a.id()).orElseThrow();
        });
        if (result.id().equals(a.id())) {
            log.info("assignment {}: driver {} and vehicle {} on charter {} from {} to {} ({})", a.id(), a.driverId(),
                    a.vehicleId(), a.charterId(), a.startsAt(), a.endsAt(), caller.subject());
        }
        return result;
    }

    /** Unassigns: the driver and the vehicle are free for the window again. */
    public Assignment cancel(Caller caller, UUID id, String reason) {
        Assignment cancelled = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Assignment a = assignments.lock(tx, DriverScope.all(), id).orElseThrow(() -> ApiException.notFound("Assignment"));
            AssignmentRules.cancelRefusal(a.status()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            assignments.cancel(tx, id, reason, OffsetDateTime.now(clock));
            return assignments.find(tx, DriverScope.all(), id).orElseThrow();
        });
        log.info("assignment {} cancelled by {}", id, caller.subject());
        return cancelled;
    }

    /** The charter from charter-service: 404 unknown, 409 unless in one of {@code allowed}. */
    public Charters.CharterInfo requireAssignableCharter(UUID charterId, java.util.Set<String> allowed) {
        var charter = charters.charter(charterId).orElseThrow(() -> ApiException.notFound("Charter"));
        if (!allowed.contains(charter.status())) {
            throw RuleConflict.of("charter_id", "charter_status", "the charter is " + charter.status() + "; only "
                    + String.join(" or ", allowed.stream().sorted().toList()) + " charters can be assigned");
        }
        return charter;
    }

    /** The vehicle from charter-service: 404 unknown, 409 unless active. */
    public void requireActiveVehicle(UUID vehicleId) {
        var vehicle = charters.vehicle(vehicleId).orElseThrow(() -> ApiException.notFound("Vehicle"));
        if (!"active".equals(vehicle.status())) {
            throw RuleConflict.of("vehicle_id", "vehicle_status", "the vehicle is " + vehicle.status() + "; only an active vehicle can be assigned");
        }
    }

    private Assignment answerAgain(DSLContext ctx, AssignmentStore.Keyed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different assignment");
        }
        return assignments.find(ctx, DriverScope.all(), earlier.id()).orElseThrow();
    }
}
