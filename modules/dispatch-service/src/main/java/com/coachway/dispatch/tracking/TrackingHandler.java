package com.coachway.dispatch.tracking;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.dispatch.access.DriverScope;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tracking over HTTP: read the request, call one {@link TrackingActions} use case, write the answer. */
public final class TrackingHandler {
    /** The track's page size when none is asked for: an hour at one position per 5 s fits (the contract's default). */
    static final int TRACK_LIMIT = 1000;

    private final TrackingActions actions;

    public TrackingHandler(TrackingActions actions) {
        this.actions = actions;
    }

    public void post(Context ctx) {
        var scope = DriverScope.of(ServiceApp.caller(ctx));
        List<JsonInput> items = JsonInput.items(ctx);
        var batch = new ArrayList<Reported>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonInput in = items.get(i);
            UUID vehicle = in.requiredUuid("vehicle_id");
            UUID assignment = in.optionalUuid("assignment_id");
            Double lat = in.requiredDouble("lat");
            Double lon = in.requiredDouble("lon");
            Double speed = in.optionalDouble("speed_mph");
            Double heading = in.optionalDouble("heading");
            OffsetDateTime at = in.requiredDateTime("recorded_at");
            if (in.hasErrors()) continue; // the shared list has it; reported below with the others
            batch.add(new Reported(i, vehicle, assignment, lat, lon, speed, heading, at));
        }
        if (!items.isEmpty()) items.getFirst().validate();
        ctx.json(actions.post(scope, batch));
    }

    public void latest(Context ctx) {
        var scope = DriverScope.of(ServiceApp.caller(ctx));
        ctx.json(actions.latest(scope, Ids.pathId(ctx, "vehicle_id", "Vehicle position")));
    }

    public void track(Context ctx) {
        var scope = DriverScope.of(ServiceApp.caller(ctx));
        UUID id = Ids.pathId(ctx, "assignment_id", "Assignment");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        // the contract's default page for a track is larger than a list's
        if (ctx.queryParam("limit") == null) page = new PageRequest(TRACK_LIMIT, page.offset(), page.after());
        ctx.json(actions.track(scope, id, time(ctx, "from"), time(ctx, "to"), page));
    }

    /** A date-time query parameter the contract has checked; absent → null. */
    private static OffsetDateTime time(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError(name, "must be an ISO-8601 date-time with offset, e.g. 2026-05-01T08:30:00-04:00")));
        }
    }
}
