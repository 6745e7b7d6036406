package com.coachway.sales.campaigns;

import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

/** Campaigns over HTTP. */
public final class CampaignHandler {
    private final CampaignActions campaigns;

    public CampaignHandler(CampaignActions campaigns) {
        this.campaigns = campaigns;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(campaigns.list(page));
    }

    public void get(Context ctx) {
        ctx.json(campaigns.get(Ids.pathId(ctx, "id", "Campaign")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String subject = in.requiredString("subject");
        String body = in.requiredString("body");
        var audience = in.requiredObject("audience");
        var statuses = audience == null ? null : audience.optionalStringList("statuses");
        var sources = audience == null ? null : audience.optionalStringList("sources");
        in.validate();
        var a = new Campaign.Audience(statuses, sources);
        String key = IdempotencyKeys.read(ctx);
        var made = campaigns.create(ServiceApp.caller(ctx), name, subject, body, a, key,
                IdempotencyKeys.fingerprint(name, subject, body, statuses, sources));
        ctx.status(201).header("Location", "/campaigns/" + made.id()).json(made);
    }
}
