package com.coachway.charter.vehicles;

import com.coachway.charter.charters.CharterInput;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The fleet's and vendors' vehicles over HTTP: read the request, call one {@link VehicleActions} use case, write the answer. */
public final class VehicleHandler {

    private final VehicleActions actions;
    private final Clock clock;

    public VehicleHandler(VehicleActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String status = q.string("status");
        String type = q.string("vehicle_type");
        UUID vendorId = q.uuid("vendor_id");
        String text = q.string("q");
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
        ctx.json(actions.list(new VehicleStore.Filter(status, type, vendorId, text, from, to), page));
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
        ctx.json(actions.get(Ids.pathId(ctx, "id", "Vehicle")));
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
        String status = in.optionalString("status");
        in.validate();
        Vehicle created = actions.create(caller, new VehicleStore.Values(vendorId, type, capacity, make, model, year,
                plate, vin, amenities, status == null ? "active" : status));
        ctx.status(201).header("Location", "/vehicles/" + created.id()).json(created);
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
        String status = in.has("status") ? in.requiredString("status") : null;
        in.validate();
        ctx.json(actions.update(caller, id, version, new VehiclePatch(in.has("vendor_id"), vendorId, type, capacity,
                make, model, year, plate, vin, amenities, status)));
    }

    public void delete(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        actions.delete(caller, Ids.pathId(ctx, "id", "Vehicle"));
        ctx.status(204);
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
