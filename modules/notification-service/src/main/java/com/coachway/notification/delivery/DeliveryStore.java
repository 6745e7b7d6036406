package com.coachway.notification.delivery;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static com.coachway.db.notification.Tables.NOTIFICATIONS;

/**
 * The worker's queries on the queue: lease due messages in one autocommitted statement, then
 * record each outcome in a statement of its own, fenced by the attempt the lease counted (a
 * worker whose lease ran out, and whose row was leased again, can no longer write to it).
 * Times are the database's, one instant per statement (so next minus last attempt is exactly the delay).
 */
public final class DeliveryStore {
    private static final String QUEUED = "queued";
    private static final Field<OffsetDateTime> NOW = DSL.field("statement_timestamp()", SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static Field<OffsetDateTime> nowPlus(Duration d) {
        return DSL.field("statement_timestamp() + {0} * interval '1 millisecond'", SQLDataType.TIMESTAMPWITHTIMEZONE, DSL.val(d.toMillis()));
    }

    /** Up to {@code batch} due messages, ours until {@code lease} has passed; their attempt is counted now. */
    public List<Outbound> lease(DSLContext ctx, int batch, Duration lease) {
        var due = DSL.select(NOTIFICATIONS.ID).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.STATUS.eq(QUEUED))
                .and(NOTIFICATIONS.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                .and(NOTIFICATIONS.LEASED_UNTIL.isNull().or(NOTIFICATIONS.LEASED_UNTIL.le(DSL.currentOffsetDateTime())))
                .orderBy(NOTIFICATIONS.NEXT_ATTEMPT_AT)
                .limit(batch)
                .forUpdate()
                .skipLocked();
        return ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.LEASED_UNTIL, nowPlus(lease))
                .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
                .where(NOTIFICATIONS.ID.in(due))
                .returning(NOTIFICATIONS.ID, NOTIFICATIONS.CHANNEL, NOTIFICATIONS.RECIPIENT, NOTIFICATIONS.SUBJECT,
                        NOTIFICATIONS.BODY, NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.NEXT_ATTEMPT_AT)
                .fetch()
                .sortAsc(NOTIFICATIONS.NEXT_ATTEMPT_AT)
                .map(r -> new Outbound(r.get(NOTIFICATIONS.ID), r.get(NOTIFICATIONS.CHANNEL), r.get(NOTIFICATIONS.RECIPIENT),
                        r.get(NOTIFICATIONS.SUBJECT), r.get(NOTIFICATIONS.BODY), r.get(NOTIFICATIONS.ATTEMPTS)));
    }

    private static Condition ours(Outbound m) {
        return NOTIFICATIONS.ID.eq(m.id()).and(NOTIFICATIONS.ATTEMPTS.eq(m.attempt())).and(NOTIFICATIONS.STATUS.eq(QUEUED));
    }

    /** False when the lease had run out and another worker has the row now. */
    public boolean markSent(DSLContext ctx, Outbound m, String provider, String providerMessageId) {
        return ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, "sent")
                .set(NOTIFICATIONS.PROVIDER, provider)
                .set(NOTIFICATIONS.PROVIDER_MESSAGE_ID, providerMessageId)
                .set(NOTIFICATIONS.SENT_AT, NOW)
                .set(NOTIFICATIONS.LAST_ATTEMPT_AT, NOW)
                .set(NOTIFICATIONS.UPDATED_AT, NOW)
                .setNull(NOTIFICATIONS.LEASED_UNTIL)
                .where(ours(m))
                .execute() == 1;
    }

    /** Due again {@code delay} after now, the error kept. */
    public boolean retryLater(DSLContext ctx, Outbound m, String provider, String error, Duration delay) {
        return ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.PROVIDER, provider)
                .set(NOTIFICATIONS.LAST_ERROR, error)
                .set(NOTIFICATIONS.LAST_ATTEMPT_AT, NOW)
                .set(NOTIFICATIONS.NEXT_ATTEMPT_AT, nowPlus(delay))
                .set(NOTIFICATIONS.UPDATED_AT, NOW)
                .setNull(NOTIFICATIONS.LEASED_UNTIL)
                .where(ours(m))
                .execute() == 1;
    }

    /** Given up on, the error kept for an operator (GET /notifications?status=failed, then retry). */
    public boolean markFailed(DSLContext ctx, Outbound m, String provider, String error) {
        return ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, "failed")
                .set(NOTIFICATIONS.PROVIDER, provider)
                .set(NOTIFICATIONS.LAST_ERROR, error)
                .set(NOTIFICATIONS.LAST_ATTEMPT_AT, NOW)
                .set(NOTIFICATIONS.FAILED_AT, NOW)
                .set(NOTIFICATIONS.UPDATED_AT, NOW)
                .setNull(NOTIFICATIONS.LEASED_UNTIL)
                .where(ours(m))
                .execute() == 1;
    }

    /** What the queue holds now, for the gauges. */
    public record Backlog(long queued, long failed, double oldestQueuedSeconds) {
    }

    public Backlog backlog(DSLContext ctx) {
        var queued = DSL.count().filterWhere(NOTIFICATIONS.STATUS.eq(QUEUED));
        var failed = DSL.count().filterWhere(NOTIFICATIONS.STATUS.eq("failed"));
        var age = DSL.field("coalesce(extract(epoch from statement_timestamp() - min({0}) filter (where {1} = 'queued')), 0)",
                SQLDataType.DOUBLE, NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.STATUS);
        var r = ctx.select(queued, failed, age).from(NOTIFICATIONS).where(NOTIFICATIONS.STATUS.in(QUEUED, "failed")).fetchOne();
        return r == null ? new Backlog(0, 0, 0) : new Backlog(r.value1(), r.value2(), r.value3());
    }

    /** Not started: back in the queue at once, its attempt not counted, for the next worker. */
    public void giveBack(DSLContext ctx, Outbound m) {
        ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.ATTEMPTS, m.attempt() - 1)
                .setNull(NOTIFICATIONS.LEASED_UNTIL)
                .where(ours(m))
                .execute();
    }
}
