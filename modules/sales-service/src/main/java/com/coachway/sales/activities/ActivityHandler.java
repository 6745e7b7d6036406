package com.coachway.sales.activities;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.sales.agents.Assignee;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Activities over HTTP. */
public final class ActivityHandler {
    private static final List<String> FIELDS = List.of("subject", "notes", "due_at", "completed_at");

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

    public void search(Context ctx) {
        var q = Query.of(ctx);
        String type = q.string("type");
        Boolean open = q.bool("open");
        String dueBefore = q.string("due_before");
        String assignedTo = q.string("assigned_to");
        var page = q.page();
        q.validate();
        var filter = new ActivityStore.Filter(type, open, instant("due_before", dueBefore), Assignee.of(assignedTo, ServiceApp.caller(ctx)));
        ctx.json(activities.search(filter, page));
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

    public void patch(Context ctx) {
        UUID lead = Ids.pathId(ctx, "id", "Lead");
        UUID id = Ids.pathId(ctx, "activity_id", "Activity");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        var present = new HashSet<String>();
        for (String f : FIELDS) if (in.has(f)) present.add(f);
        var c = new ActivityChanges(present, in.optionalString("subject"), in.optionalString("notes"), in.optionalDateTime("due_at"),
                in.optionalDateTime("completed_at"));
        in.validate();
        ctx.json(activities.patch(ServiceApp.caller(ctx), lead, id, version, c));
    }

    /** The contract says date-time; its validator may let a bare date through, which this refuses the same way. */
    private static OffsetDateTime instant(String field, String value) {
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-05-01T08:30:00Z")));
        }
    }
}
