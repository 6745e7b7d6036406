package com.coachway.dispatch.recoveries;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.util.UUID;

/** Recoveries over HTTP: read the request, call one {@link RecoveryActions} use case, write the answer. */
public final class RecoveryHandler {
    private final RecoveryActions actions;

    public RecoveryHandler(RecoveryActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String status = q.string("status");
        UUID assignmentId = q.uuid("assignment_id");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(status, assignmentId, page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(Ids.pathId(ctx, "id", "Recovery")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID assignmentId = in.requiredUuid("assignment_id");
        String reason = in.requiredString("reason");
        String location = in.optionalString("location");
        String notes = in.optionalString("notes");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(assignmentId, reason, location, notes);
        Recovery r = actions.open(caller, new RecoveryActions.Opening(assignmentId, reason, location, notes), key, fingerprint);
        ctx.status(201).header("Location", "/recoveries/" + r.id()).json(r);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Recovery");
        var in = JsonInput.of(ctx);
        UUID vehicleId = in.optionalUuid("replacement_vehicle_id");
        UUID driverId = in.optionalUuid("replacement_driver_id");
        String status = in.optionalString("status");
        String notes = in.optionalString("notes");
        in.validate();
        var change = new RecoveryRule.Change(vehicleId, driverId, status, in.has("notes"), notes);
        var problems = RecoveryRule.inputProblems(change);
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        ctx.json(actions.update(caller, id, change));
    }
}
