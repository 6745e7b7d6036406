package com.coachway.charter.charters;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Charters over HTTP: read the request, call one {@link CharterActions} use case, write the answer. */
public final class CharterHandler {
    private final CharterActions actions;
    private final ZoneId tripZone;

    public CharterHandler(CharterActions actions, ZoneId tripZone) {
        this.actions = actions;
        this.tripZone = tripZone;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var q = Query.of(ctx);
        String status = q.string("status");
        UUID clientId = q.uuid("client_id");
        OffsetDateTime from = bound(q, "from", false);
        OffsetDateTime to = bound(q, "to", true);
        String text = q.string("q");
        String sort = q.string("sort");
        var page = q.page();
        q.validate();
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.validation(List.of(new FieldError("to", "must not be before from")));
        }
        ctx.json(actions.list(ClientScope.of(caller), new CharterStore.Filter(status, clientId, from, to, text, sort), page));
    }

    /**
     * A date-time with offset, or a date meaning that whole day where the trips run (TZ, as pricing
     * counts days): a dispatcher asking for the 10th means the 10th on the local calendar.
     */
    private OffsetDateTime bound(Query q, String name, boolean endOfDay) {
        String raw = q.string(name);
        if (raw == null) return null;
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(raw);
                return endOfDay ? day.plusDays(1).atStartOfDay(tripZone).toOffsetDateTime().minusNanos(1000)
                        : day.atStartOfDay(tripZone).toOffsetDateTime();
            } catch (DateTimeException notDateOrPastTheCalendar) { // e.g. the day after +999999999-12-31
                throw ApiException.validation(List.of(new FieldError(name, "must be a date-time with offset or a date, YYYY-MM-DD")));
            }
        }
    }

    public void get(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        ctx.json(actions.get(ClientScope.of(caller), Ids.pathId(ctx, "id", "Charter")));
    }

    public void history(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.history(ClientScope.of(caller), id, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        var f = CharterInput.readCreate(in);
        if (f.stops() != null && f.pickupAt() != null) StopRules.check(f.stops(), f.pickupAt(), f.returnAt()).forEach(e -> in.error(e.field(), e.message()));
        in.validate();
        // Remote checks only once the body itself is sound: bad input never waits on another service.
        Charter created = actions.create(caller, f);
        ctx.status(201).header("Location", "/charters/" + created.id()).json(created);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        var f = CharterInput.readPatch(in);
        in.validate();
        ctx.json(actions.update(caller, ClientScope.of(caller), id, f));
    }

    public void changeStatus(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        String code = in.requiredString("status");
        String reason = in.optionalString("reason");
        Integer version = in.optionalInt("version");
        in.validate();
        ctx.json(actions.changeStatus(caller, ClientScope.of(caller), id, CharterStatus.of(code), reason, version));
    }

    /** PUT /charters/{id}/vehicles/{line_id}: assign a vehicle to one line, or unassign with null. */
    public void assignVehicle(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        UUID lineId = Ids.pathId(ctx, "line_id", "Vehicle line");
        var in = JsonInput.of(ctx);
        UUID vehicleId = in.optionalUuid("vehicle_id");
        in.validate();
        ctx.json(actions.assignVehicle(caller, ClientScope.of(caller), id, lineId, vehicleId));
    }
}
