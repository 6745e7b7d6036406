package com.coachway.sales.activities;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Activities: logged on a lead, listed newest first, completed, reopened or rescheduled. */
public final class ActivityActions {
    private static final Logger log = LoggerFactory.getLogger(ActivityActions.class);

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

    public Page<Activity> search(ActivityStore.Filter filter, PageRequest page) {
        return activities.search(dsl, filter, page);
    }

    public Activity log(Caller caller, UUID leadId, String type, String subject, String notes, OffsetDateTime dueAt,
                        OffsetDateTime completedAt) {
        // as the column keeps it, so the answer equals what a later read shows
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        refuseFuture(completedAt, now);
        var activity = new Activity(Ids.newId(), leadId, type, subject, notes, dueAt, completedAt, caller.subject(), now, now, 1);
        return dsl.transactionResult(c -> {
            if (!activities.holdLead(c.dsl(), leadId)) throw ApiException.notFound("Lead");
            activities.insert(c.dsl(), activity);
            return activity;
        });
    }

    /**
     * Any sales role may change any lead's activity, as any may change any lead (LeadActions.patch):
     * agents cover each other's leads.
     */
    public Activity patch(Caller caller, UUID leadId, UUID id, int version, ActivityChanges c) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c.has("completed_at")) refuseFuture(c.completedAt(), now);
        Activity changed = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Activity a = activities.lock(tx, leadId, id).orElseThrow(() -> ApiException.notFound("Activity"));
            if (a.version() != version) throw ApiException.versionConflict(a.version());
            return activities.update(tx, id, c, now);
        });
        log.info("activity {} of lead {} changed by {} ({})", id, leadId, caller.subject(),
                changed.completedAt() == null ? "open" : "completed");
        return changed;
    }

    private static void refuseFuture(OffsetDateTime completedAt, OffsetDateTime now) {
        if (completedAt != null && completedAt.isAfter(now)) {
            throw ApiException.validation(List.of(new FieldError("completed_at", "cannot lie in the future")));
        }
    }
}
