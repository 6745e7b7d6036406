package com.coachway.charter.quotes;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.util.UUID;

/** Quotes over HTTP: read the request, call one {@link QuoteActions} use case, write the answer. */
public final class QuoteHandler {
    private final QuoteActions actions;

    public QuoteHandler(QuoteActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(ClientScope.of(caller), charterId, page));
    }

    public void get(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        ctx.json(actions.get(ClientScope.of(caller), Ids.pathId(ctx, "id", "Quote")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        String promo = OptionalBody.read(ctx).map(in -> {
            String code = in.optionalString("promo_code");
            if (code != null && code.isBlank()) in.error("promo_code", "must not be blank");
            in.validate();
            return code;
        }).orElse(null);
        Quote created = actions.create(caller, ClientScope.of(caller), charterId, promo);
        ctx.status(201).header("Location", "/quotes/" + created.id()).json(created);
    }

    public void send(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        String key = IdempotencyKeys.read(ctx);
        OptionalBody.requireEmpty(ctx);
        ctx.json(actions.send(caller, ClientScope.of(caller), id, key));
    }

    public void accept(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        String key = IdempotencyKeys.read(ctx);
        OptionalBody.requireEmpty(ctx);
        ctx.json(actions.accept(caller, ClientScope.of(caller), id, key));
    }

    public void reject(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        String reason = OptionalBody.read(ctx).map(in -> {
            String r = in.optionalString("reason");
            in.validate();
            return r;
        }).orElse(null);
        ctx.json(actions.reject(caller, ClientScope.of(caller), id, reason));
    }
}
