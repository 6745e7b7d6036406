package com.coachway.portals.client;

import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.portals.access.PortalUsers;
import com.coachway.portals.downstream.Paging;
import io.javalin.http.Context;

import java.util.UUID;

/** The client portal over HTTP: read the request, call one use case, write the answer. */
public final class ClientHandler {
    private final ClientActions actions;

    public ClientHandler(ClientActions actions) {
        this.actions = actions;
    }

    public void overview(Context ctx) {
        ctx.json(actions.overview(PortalUsers.client(ctx)));
    }

    public void charters(Context ctx) {
        var user = PortalUsers.client(ctx);
        var q = Query.of(ctx);
        String status = q.string("status");
        var paging = Paging.read(q, Query.DEFAULT_LIMIT);
        ctx.json(actions.charters(user, status, paging));
    }

    public void charter(Context ctx) {
        var user = PortalUsers.client(ctx);
        ctx.json(actions.charter(user, Ids.pathId(ctx, "id", "Charter")));
    }

    public void acceptQuote(Context ctx) {
        var user = PortalUsers.client(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        if (ctx.bodyAsBytes().length > 0) JsonInput.of(ctx).validate();
        ctx.json(actions.acceptQuote(user, id, IdempotencyKeys.read(ctx)));
    }

    public void changeRequest(Context ctx) {
        var user = PortalUsers.client(ctx);
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        String type = in.requiredString("type");
        String description = in.requiredString("description");
        in.requiredObject("requested_changes");
        in.validate();
        // passed on whole: its fields and bounds are checked by our contract (change-mgmt-service's
        // own), which fields each type needs by change-mgmt-service
        var changes = JsonInput.parseObject(ctx.bodyAsBytes()).get("requested_changes");
        var request = new ClientPages.ChangeRequest(charterId, type, description, changes);
        ctx.status(201).json(actions.changeRequest(user, request));
    }
}
