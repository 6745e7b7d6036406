package com.coachway.dispatch.assignments;

import com.coachway.common.http.ApiException;
import com.coachway.dispatch.access.RuleConflict;
import com.coachway.dispatch.drivers.Driver;
import com.coachway.dispatch.drivers.DriverStore;
import com.coachway.dispatch.drivers.QualificationRule;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;

/**
 * Putting a driver and a vehicle on a window, inside the caller's transaction: the one path both a
 * new assignment and a recovery's replacement take, so both get every check.
 *
 * <p>The driver's row lock comes first: every placement of one driver queues on it, so the
 * driver's other assignments read for overlap and hours of service cannot change until commit.
 * The vehicle has no row here; its overlap is the exclusion constraint's to refuse, whatever runs
 * concurrently (the read before it only makes the usual refusal name the other assignment).
 */
public final class Placement {
    public static final String DRIVER_OVERLAP = "driver_overlap";
    public static final String VEHICLE_OVERLAP = "vehicle_overlap";

    private final AssignmentStore assignments;
    private final DriverStore drivers;
    private final DutySettings settings;

    public Placement(AssignmentStore assignments, DriverStore drivers, DutySettings settings) {
        this.assignments = assignments;
        this.drivers = drivers;
        this.settings = settings;
    }

    /** Checks and inserts {@code a}; false when the caller's key was used already (nothing inserted). */
    public boolean place(DSLContext tx, AssignmentStore.NewAssignment a, String scope, String key, String fingerprint,
                         String createdBy, OffsetDateTime now) {
        Driver driver = drivers.lock(tx, a.driverId()).orElseThrow(() -> ApiException.notFound("Driver"));
        QualificationRule.check(driver, settings.lastDay(a.startsAt(), a.endsAt())).ifPresent(f -> {
            throw RuleConflict.of("driver_id", f.rule(), f.detail());
        });
        assignments.overlapping(tx, true, a.driverId(), a.startsAt(), a.endsAt()).ifPresent(other -> {
            throw RuleConflict.of("driver_id", DRIVER_OVERLAP, "the driver is on assignment " + other.id() + " (charter "
                    + other.charterId() + ") from " + other.startsAt() + " to " + other.endsAt());
        });
        assignments.overlapping(tx, false, a.vehicleId(), a.startsAt(), a.endsAt()).ifPresent(other -> {
            throw vehicleOverlap(other);
        });
        // Far enough back and ahead that every period whose cycle (8 days at most) could count this one, and
        // every period those cycles count, is read: a later period's verdict can change with it.
        var others = assignments.duty(tx, a.driverId(), a.startsAt().minusDays(17), a.endsAt().plusDays(9), a.id());
        DutyRule.check(others, new DutyRule.Period(a.id(), a.startsAt(), a.endsAt(), a.drivingHours()), settings).ifPresent(r -> {
            throw RuleConflict.of("driver_id", r.rule(), r.detail());
        });
        try {
            return assignments.insertIfNew(tx, a, scope, key, fingerprint, createdBy, now);
        } catch (AssignmentStore.Overlap o) {
            // raced past the read above by a concurrent commit
            throw o.driver()
                    ? RuleConflict.of("driver_id", DRIVER_OVERLAP, "the driver was assigned to an overlapping window meanwhile")
                    : RuleConflict.of("vehicle_id", VEHICLE_OVERLAP, "the vehicle was assigned to an overlapping window meanwhile");
        }
    }

    private static ApiException vehicleOverlap(Assignment other) {
        return RuleConflict.of("vehicle_id", VEHICLE_OVERLAP, "the vehicle is on assignment " + other.id() + " (charter "
                + other.charterId() + ") from " + other.startsAt() + " to " + other.endsAt());
    }

}
