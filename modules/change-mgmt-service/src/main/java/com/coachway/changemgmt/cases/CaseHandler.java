package com.coachway.changemgmt.cases;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.List;
import java.util.UUID;

/** Change cases over HTTP: read the request, call one use case, write the answer. */
public final class CaseHandler {
    private final CaseActions cases;

    public CaseHandler(CaseActions cases) {
        this.cases = cases;
    }

    private static ClientScope scope(Context ctx) {
        return ClientScope.of(ServiceApp.caller(ctx));
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new CaseStore.Filter(q.string("status"), q.uuid("charter_id"), q.uuid("client_id"));
        var page = q.page();
        q.validate();
        ctx.json(cases.list(scope(ctx), filter, page));
    }

    public void get(Context ctx) {
        ctx.json(cases.get(scope(ctx), Ids.pathId(ctx, "id", "Case")));
    }

    public void history(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Case");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(cases.history(scope(ctx), id, page));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        String type = in.requiredString("type");
        String description = in.requiredString("description");
        in.requiredObject("requested_changes");
        in.validate();
        CaseType kind = CaseType.fromCode(type)
                .orElseThrow(() -> ApiException.validation(List.of(new FieldError("type", "is not a case type"))));
        JsonNode changes = JsonInput.parseObject(ctx.bodyAsBytes()).get("requested_changes");
        var made = cases.create(ServiceApp.caller(ctx), bearer(ctx), new CaseActions.NewCase(charterId, kind, description, changes));
        ctx.status(201).header("Location", "/cases/" + made.id()).json(made);
    }

    public void review(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Case");
        var t = transition(ctx);
        ctx.json(cases.review(ServiceApp.caller(ctx), id, t));
    }

    public void approve(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Case");
        var t = transition(ctx);
        ctx.json(cases.approve(ServiceApp.caller(ctx), id, t));
    }

    public void reject(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Case");
        var t = transition(ctx);
        ctx.json(cases.reject(ServiceApp.caller(ctx), id, t));
    }

    public void cancel(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Case");
        var t = transition(ctx);
        ctx.json(cases.cancel(ServiceApp.caller(ctx), scope(ctx), id, t));
    }

    public void implement(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Case");
        var t = transition(ctx);
        ctx.status(202).json(cases.implement(ServiceApp.caller(ctx), id, t));
    }

    /** The optional {comment, version} of a transition; no body at all is allowed. */
    private static CaseActions.Transition transition(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) return new CaseActions.Transition(null, null);
        var in = JsonInput.of(ctx);
        String comment = in.optionalString("comment");
        Integer version = in.optionalInt("version");
        in.validate();
        return new CaseActions.Transition(comment == null || comment.isEmpty() ? null : comment, version);
    }

    /** The caller's own token: a client user's charter is read as that user, so charter-service applies its tenancy. */
    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("A bearer token is required");
        }
        return header.substring(7).trim();
    }
}
