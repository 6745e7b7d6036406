package com.coachway.sales.agents;

import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.util.UUID;

/** Agents over HTTP. */
public final class AgentHandler {
    private final AgentActions agents;

    public AgentHandler(AgentActions agents) {
        this.agents = agents;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        var page = q.page();
        q.validate();
        ctx.json(agents.list(active, page));
    }

    public void get(Context ctx) {
        ctx.json(agents.get(Ids.pathId(ctx, "id", "Agent")));
    }

    public void me(Context ctx) {
        ctx.json(agents.me(ServiceApp.caller(ctx)));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        UUID userId = in.requiredUuid("user_id");
        String name = in.requiredString("name");
        String email = in.requiredEmail("email");
        in.validate();
        Agent made = agents.create(ServiceApp.caller(ctx), userId, name, email);
        ctx.status(201).header("Location", "/agents/" + made.id()).json(made);
    }

    public void patch(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Agent");
        var in = JsonInput.of(ctx);
        Boolean active = in.requiredBool("active");
        in.validate();
        ctx.json(agents.setActive(ServiceApp.caller(ctx), id, active));
    }
}
