package com.coachway.dispatch.assignments;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.dispatch.access.DriverScope;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Assignments over HTTP: read the request, call one {@link AssignmentActions} use case, write the answer. */
public final class AssignmentHandler {
    private final AssignmentActions actions;

    public AssignmentHandler(AssignmentActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var scope = DriverScope.of(ServiceApp.caller(ctx));
        var q = Query.of(ctx);
        LocalDate date = q.date("date");
        UUID driverId = q.uuid("driver_id");
        UUID charterId = q.uuid("charter_id");
        UUID vehicleId = q.uuid("vehicle_id");
        String status = q.string("status");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(scope, new AssignmentActions.ListFilter(date, driverId, charterId, vehicleId, status), page));
    }

    public void get(Context ctx) {
        var scope = DriverScope.of(ServiceApp.caller(ctx));
        ctx.json(actions.get(scope, Ids.pathId(ctx, "id", "Assignment")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        UUID driverId = in.requiredUuid("driver_id");
        UUID vehicleId = in.requiredUuid("vehicle_id");
        OffsetDateTime startsAt = in.requiredDateTime("starts_at");
        OffsetDateTime endsAt = in.requiredDateTime("ends_at");
        BigDecimal driving = in.optionalDecimal("driving_hours", 2);
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        var problems = AssignmentRules.windowProblems(startsAt, endsAt, driving);
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        String fingerprint = IdempotencyKeys.fingerprint(charterId, driverId, vehicleId, startsAt.toInstant(), endsAt.toInstant(),
                driving == null ? null : driving.stripTrailingZeros().toPlainString());
        Assignment a = actions.create(caller, new AssignmentActions.Request(charterId, driverId, vehicleId, startsAt, endsAt, driving),
                key, fingerprint);
        ctx.status(201).header("Location", "/assignments/" + a.id()).json(a);
    }

    public void cancel(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Assignment");
        var in = JsonInput.of(ctx);
        String reason = in.requiredString("reason");
        in.validate();
        ctx.json(actions.cancel(caller, id, reason));
    }
}
