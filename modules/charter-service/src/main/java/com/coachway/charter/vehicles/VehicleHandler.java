package com.coachway.charter.vehicles;

import com.coachway.charter.charters.CharterInput;
import com.coachway.charter.remote.Pricing;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The fleet's and vendors' vehicles. */
public final class VehicleHandler {
    private static final Logger log = LoggerFactory.getLogger(VehicleHandler.class);
    static final List<String> STATUSES = List.of("active", "maintenance", "retired");

    private final DSLContext dsl;
    private final VehicleStore vehicles;
    private final Pricing pricing;
    private final Clock clock;

    public VehicleHandler(DSLContext dsl, VehicleStore vehicles, Pricing pricing, Clock clock) {
        this.dsl = dsl;
        this.vehicles = vehicles;
        this.pricing = pricing;
        this.clock = clock;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String status = q.oneOf("status", STATUSES);
        String type = q.string("vehicle_type", 50);
        UUID vendorId = q.uuid("vendor_id");
        String text = q.string("q", 100);
        var page = q.page();
        q.validate();
        OffsetDateTime from = time(ctx, "available_from");
        OffsetDateTime to = time(ctx, "available_to");
        if ((from == null) != (to == null)) {
            throw ApiException.validation(List.of(new FieldError(from == null ? "available_from" : "available_to",
                    "is required with " + (from == null ? "available_to" : "available_from"))));
        }
        if (from != null && !to.isAfter(from)) {
            throw ApiException.validation(List.of(new FieldError("available_to", "must be after available_from")));
        }
        ctx.json(vehicles.list(new VehicleStore.Filter(status, type, vendorId, text, from, to), page));
    }

    private static OffsetDateTime time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return OffsetDateTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError(name, "must be an ISO-8601 date-time with offset")));
        }
    }

    public void get(Context ctx) {
        ctx.json(vehicles.find(Ids.pathId(ctx, "id", "Vehicle")).orElseThrow(() -> ApiException.notFound("Vehicle")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID vendorId = in.optionalUuid("vendor_id");
        String type = in.requiredString("vehicle_type");
        Integer capacity = in.requiredInt("capacity");
        String make = in.requiredString("make");
        String model = in.requiredString("model");
        Integer year = year(in, in.requiredInt("year"));
        String plate = plate(in, in.requiredString("plate"));
        String vin = vin(in, in.requiredString("vin"));
        List<String> amenities = in.has("amenities") ? CharterInput.codes(in, "amenities") : List.of();
        String status = in.optionalEnum("status", STATUSES);
        in.validate();
        requireType(type);

        UUID id = Ids.newId();
        var values = new VehicleStore.Values(vendorId, type, capacity, make, model, year, plate, vin, amenities,
                status == null ? "active" : status);
        Vehicle created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            requireUnique(tx, plate, vin, null);
            vehicles.insert(tx, id, values, OffsetDateTime.now(clock));
            return vehicles.find(tx, id).orElseThrow();
        });
        log.info("vehicle {} ({}) added by {}", id, plate, caller.subject());
        ctx.status(201).header("Location", "/vehicles/" + id).json(created);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Vehicle");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        UUID vendorId = in.optionalUuid("vendor_id");
        String type = in.has("vehicle_type") ? in.requiredString("vehicle_type") : null;
        Integer capacity = in.has("capacity") ? in.requiredInt("capacity") : null;
        String make = in.has("make") ? in.requiredString("make") : null;
        String model = in.has("model") ? in.requiredString("model") : null;
        Integer year = in.has("year") ? year(in, in.requiredInt("year")) : null;
        String plate = in.has("plate") ? plate(in, in.requiredString("plate")) : null;
        String vin = in.has("vin") ? vin(in, in.requiredString("vin")) : null;
        List<String> amenities = in.has("amenities") ? CharterInput.codes(in, "amenities") : null;
        String status = in.has("status") ? in.requiredEnum("status", STATUSES) : null;
        in.validate();
        if (vehicles.find(id).isEmpty()) throw ApiException.notFound("Vehicle");
        if (type != null) requireType(type);

        Vehicle updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Vehicle before = vehicles.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vehicle"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            var after = new VehicleStore.Values(in.has("vendor_id") ? vendorId : before.vendorId(),
                    type != null ? type : before.vehicleType(), capacity != null ? capacity : before.capacity(),
                    make != null ? make : before.make(), model != null ? model : before.model(),
                    year != null ? year : before.year(), plate != null ? plate : before.plate(),
                    vin != null ? vin : before.vin(), amenities != null ? amenities : before.amenities(),
                    status != null ? status : before.status());
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
            requireUnique(tx, plate, vin, id);
            vehicles.update(tx, id, after, now);
            return vehicles.find(tx, id).orElseThrow();
        });
        log.info("vehicle {} changed by {}", id, caller.subject());
        ctx.json(updated);
    }

    public void delete(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Vehicle");
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            vehicles.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vehicle"));
            if (!vehicles.heldBy(tx, id).isEmpty()) {
                throw ApiException.conflict("The vehicle is on charter records; set its status to retired instead (once no upcoming charter needs it)");
            }
            vehicles.delete(tx, id);
        });
        log.info("vehicle {} deleted by {}", id, caller.subject());
        ctx.status(204);
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

    private Integer year(JsonInput in, Integer year) {
        if (year == null) return null;
        var problem = VehicleRules.yearProblem(year, Year.now(clock));
        problem.ifPresent(p -> in.error("year", p));
        return problem.isPresent() ? null : year;
    }

    private static String plate(JsonInput in, String raw) {
        if (raw == null) return null;
        String plate = VehicleRules.normalizePlate(raw);
        var problem = VehicleRules.plateProblem(plate);
        problem.ifPresent(p -> in.error("plate", p));
        return problem.isPresent() ? null : plate;
    }

    private static String vin(JsonInput in, String raw) {
        if (raw == null) return null;
        String vin = VehicleRules.normalizeVin(raw);
        var problem = VehicleRules.vinProblem(vin);
        problem.ifPresent(p -> in.error("vin", p));
        return problem.isPresent() ? null : vin;
    }
}
