package com.coachway.dispatch.events;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.dispatch.access.DriverScope;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.UUID;

/** Trip events over HTTP: read the request, call one {@link TripEventActions} use case, write the answer. */
public final class TripEventHandler {
    private final TripEventActions actions;

    public TripEventHandler(TripEventActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var scope = DriverScope.of(ServiceApp.caller(ctx));
        UUID id = Ids.pathId(ctx, "id", "Assignment");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(scope, id, page));
    }

    public void post(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var scope = DriverScope.of(caller);
        UUID id = Ids.pathId(ctx, "id", "Assignment");
        var in = JsonInput.of(ctx);
        String type = in.requiredString("type");
        String note = in.optionalString("note");
        Integer delay = in.optionalInt("delay_minutes");
        Double lat = coordinate(in.optionalDecimal("lat", 12));
        Double lon = coordinate(in.optionalDecimal("lon", 12));
        in.validate();
        var problems = TripStatusRule.inputProblems(type, delay, lat, lon);
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        TripEvent e = actions.post(caller, scope, id, new TripEventActions.Posted(type, note, delay, lat, lon));
        ctx.status(201).header("Location", "/assignments/" + id + "/events").json(e);
    }

    private static Double coordinate(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
