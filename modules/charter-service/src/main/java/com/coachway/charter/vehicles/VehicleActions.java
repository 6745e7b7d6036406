package com.coachway.charter.vehicles;

import com.coachway.charter.remote.Pricing;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The fleet's use cases. The vehicle type is checked with pricing-service before any transaction. */
public final class VehicleActions {
    private static final Logger log = LoggerFactory.getLogger(VehicleActions.class);

    private final DSLContext dsl;
    private final VehicleStore vehicles;
    private final Pricing pricing;
    private final Clock clock;

    public VehicleActions(DSLContext dsl, VehicleStore vehicles, Pricing pricing, Clock clock) {
        this.dsl = dsl;
        this.vehicles = vehicles;
        this.pricing = pricing;
        this.clock = clock;
    }

    public Page<Vehicle> list(VehicleStore.Filter filter, PageRequest page) {
        return vehicles.list(dsl, filter, page);
    }

    public Vehicle get(UUID id) {
        return vehicles.find(dsl, id).orElseThrow(() -> ApiException.notFound("Vehicle"));
    }

    public Vehicle create(Caller caller, VehicleStore.Values values) {
        requireType(values.vehicleType());
        UUID id = Ids.newId();
        Vehicle created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            requireUnique(tx, values.plate(), values.vin(), null);
            vehicles.insert(tx, id, values, OffsetDateTime.now(clock));
            return vehicles.find(tx, id).orElseThrow();
        });
        log.info("vehicle {} ({}) added by {}", id, values.plate(), caller.subject());
        return created;
    }

    /**
     * Applies the patch to the vehicle as it is under its row lock, if still at {@code version}:
     * a type or capacity its charter lines no longer fit, or standing it down while upcoming
     * charters need it, is refused.
     */
    public Vehicle update(Caller caller, UUID id, int version, VehiclePatch patch) {
        if (vehicles.find(dsl, id).isEmpty()) throw ApiException.notFound("Vehicle");
        if (patch.vehicleType() != null) requireType(patch.vehicleType());

        Vehicle updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Vehicle before = vehicles.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vehicle"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            var after = patch.applyTo(before);
            for (var held : vehicles.heldBy(tx, id)) {
                if (!held.vehicleType().equals(after.vehicleType()) || after.capacity() < held.capacity()) {
                    throw ApiException.conflict("The vehicle is assigned to a charter line needing a " + held.vehicleType()
                            + " with " + held.capacity() + " seats; unassign it before changing its type or capacity");
                }
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!after.status().equals(before.status())) {
                VehicleRules.refusalToStandDown(after.status(), vehicles.upcomingCharters(tx, id, now)).ifPresent(why -> {
                    throw ApiException.conflict(why);
                });
            }
            requireUnique(tx, patch.plate(), patch.vin(), id);
            vehicles.update(tx, id, after, now);
            return vehicles.find(tx, id).orElseThrow();
        });
        log.info("vehicle {} changed by {}", id, caller.subject());
        return updated;
    }

    public void delete(Caller caller, UUID id) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            vehicles.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vehicle"));
            if (!vehicles.heldBy(tx, id).isEmpty()) {
                throw ApiException.conflict("The vehicle is on charter records; set its status to retired instead (once no upcoming charter needs it)");
            }
            vehicles.delete(tx, id);
        });
        log.info("vehicle {} deleted by {}", id, caller.subject());
    }

    private void requireType(String type) {
        if (!pricing.vehicleTypes().containsKey(type)) {
            throw ApiException.validation(List.of(new FieldError("vehicle_type", "is not a vehicle type of pricing-service")));
        }
    }

    private void requireUnique(DSLContext tx, String plate, String vin, UUID exceptId) {
        if (plate != null && vehicles.plateTaken(tx, plate, exceptId)) throw ApiException.conflict("A vehicle with plate " + plate + " already exists");
        if (vin != null && vehicles.vinTaken(tx, vin, exceptId)) throw ApiException.conflict("A vehicle with VIN " + vin + " already exists");
    }
}
