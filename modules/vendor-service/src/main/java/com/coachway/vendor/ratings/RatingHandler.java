package com.coachway.vendor.ratings;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.vendor.access.VendorScope;
import io.javalin.http.Context;

import java.util.UUID;

/** Ratings and performance over HTTP: read the request, call one {@link RatingActions} use case, write the answer. */
public final class RatingHandler {
    private final RatingActions actions;

    public RatingHandler(RatingActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID vendorId = Ids.pathId(ctx, "id", "Vendor");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(VendorScope.of(caller), vendorId, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID vendorId = Ids.pathId(ctx, "id", "Vendor");
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        Integer score = in.requiredInt("score");
        Boolean onTime = in.requiredBool("on_time");
        Boolean cancelled = in.optionalBool("cancelled");
        String comments = in.optionalString("comments");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        var values = new RatingStore.Values(charterId, score, onTime, Boolean.TRUE.equals(cancelled), comments);
        String fingerprint = IdempotencyKeys.fingerprint(charterId, score, onTime, values.cancelled(), comments);
        Rating rated = actions.rate(caller, vendorId, values, key, fingerprint);
        ctx.status(201).header("Location", "/vendors/" + vendorId + "/ratings/" + rated.id()).json(rated);
    }

    public void performance(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        ctx.json(actions.performance(VendorScope.of(caller), Ids.pathId(ctx, "id", "Vendor")));
    }
}
