package com.coachway.sales.activities;

import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.util.UUID;

/** A lead's activities over HTTP. */
public final class ActivityHandler {
    private final ActivityActions activities;

    public ActivityHandler(ActivityActions activities) {
        this.activities = activities;
    }

    public void list(Context ctx) {
        UUID lead = Ids.pathId(ctx, "id", "Lead");
        var q = Query.of(ctx);
        String type = q.string("type");
        var page = q.page();
        q.validate();
        ctx.json(activities.list(lead, type, page));
    }

    public void create(Context ctx) {
        UUID lead = Ids.pathId(ctx, "id", "Lead");
        var in = JsonInput.of(ctx);
        String type = in.requiredString("type");
        String subject = in.requiredString("subject");
        String notes = in.optionalString("notes");
        var due = in.optionalDateTime("due_at");
        var completed = in.optionalDateTime("completed_at");
        in.validate();
        ctx.status(201).json(activities.log(ServiceApp.caller(ctx), lead, type, subject, notes, due, completed));
    }
}
