package com.coachway.sales.leads;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Json;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.coachway.sales.agents.Assignee;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Leads over HTTP: read the request, call one use case, write the answer. */
public final class LeadHandler {
    private static final List<String> FIELDS = List.of("name", "company", "email", "phone", "source", "trip_description",
            "estimated_passengers", "estimated_date", "estimated_value", "status", "lost_reason", "assigned_to");

    private final LeadActions leads;
    private final ConversionActions conversions;

    public LeadHandler(LeadActions leads, ConversionActions conversions) {
        this.leads = leads;
        this.conversions = conversions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new LeadStore.Filter(q.string("status"), q.string("source"), Assignee.of(q.string("assigned_to"), ServiceApp.caller(ctx)),
                q.string("q"));
        var page = q.page();
        q.validate();
        ctx.json(leads.list(filter, page));
    }

    public void get(Context ctx) {
        ctx.json(leads.get(Ids.pathId(ctx, "id", "Lead")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String source = in.requiredString("source");
        LeadChanges c = changes(in, name, source);
        in.validate();
        Lead made = leads.create(ServiceApp.caller(ctx), c);
        ctx.status(201).header("Location", "/leads/" + made.id()).json(made);
    }

    public void patch(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Lead");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        LeadChanges c = changes(in, in.optionalString("name"), in.optionalString("source"));
        in.validate();
        ctx.json(leads.patch(ServiceApp.caller(ctx), id, version, c));
    }

    private static LeadChanges changes(JsonInput in, String name, String source) {
        var present = new HashSet<String>();
        for (String f : FIELDS) if (in.has(f)) present.add(f);
        String email = in.optionalEmail("email");
        return new LeadChanges(present, name, in.optionalString("company"), email, in.optionalString("phone"), source,
                in.optionalString("trip_description"), in.optionalInt("estimated_passengers"), in.optionalDate("estimated_date"),
                in.optionalDecimal("estimated_value", 2), in.optionalString("status"), in.optionalString("lost_reason"),
                in.optionalUuid("assigned_to"));
    }

    public void assign(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Lead");
        var in = JsonInput.of(ctx);
        UUID agent = in.requiredUuid("agent_id");
        in.validate();
        ctx.json(leads.assign(ServiceApp.caller(ctx), id, agent));
    }

    public void convert(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Lead");
        var in = JsonInput.of(ctx);
        in.optionalObject("client");
        in.requiredObject("charter");
        in.validate();
        ObjectNode body = object(ctx);
        JsonNode client = body.get("client");
        JsonNode charter = body.get("charter");
        var caller = ServiceApp.caller(ctx);
        // the caller's own token: client- and charter-service apply the caller's roles, not ours
        String token = ctx.header("Authorization").substring(7).trim();
        ctx.json(conversions.convert(caller, token, id, client instanceof ObjectNode o ? o : null, (ObjectNode) charter));
    }

    private static ObjectNode object(Context ctx) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException | ClassCastException e) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
    }
}
