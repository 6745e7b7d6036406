package com.coachway.sales.activities;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Activities: logged on a lead, listed newest first. */
public final class ActivityActions {
    private final DSLContext dsl;
    private final ActivityStore activities;
    private final Clock clock;

    public ActivityActions(DSLContext dsl, ActivityStore activities, Clock clock) {
        this.dsl = dsl;
        this.activities = activities;
        this.clock = clock;
    }

    public Page<Activity> list(UUID leadId, String type, PageRequest page) {
        if (!activities.leadExists(dsl, leadId)) throw ApiException.notFound("Lead");
        return activities.list(dsl, leadId, type, page);
    }

    public Activity log(Caller caller, UUID leadId, String type, String subject, String notes, OffsetDateTime dueAt,
                        OffsetDateTime completedAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (completedAt != null && completedAt.isAfter(now)) {
            throw ApiException.validation(List.of(new FieldError("completed_at", "cannot lie in the future")));
        }
        var activity = new Activity(Ids.newId(), leadId, type, subject, notes, dueAt, completedAt, caller.subject(), now);
        return dsl.transactionResult(c -> {
            if (!activities.holdLead(c.dsl(), leadId)) throw ApiException.notFound("Lead");
            activities.insert(c.dsl(), activity);
            return activity;
        });
    }
}
