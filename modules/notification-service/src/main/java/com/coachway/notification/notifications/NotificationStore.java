package com.coachway.notification.notifications;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.notification.tables.records.NotificationsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.notification.Tables.NOTIFICATIONS;

/** The jOOQ queries of the API for notifications (the worker's are DeliveryStore's). */
public final class NotificationStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("notifications", NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc());

    static Notification toNotification(NotificationsRecord r) {
        return new Notification(r.getId(), r.getChannel(), r.getRecipient(), r.getTemplateCode(), r.getSubject(), r.getBody(),
                r.getStatus(), r.getAttempts(), r.getLastError(), r.getProvider(), r.getProviderMessageId(), r.getCreatedBy(),
                r.getCreatedAt(), NotificationStatus.QUEUED.equals(r.getStatus()) ? r.getNextAttemptAt() : null,
                r.getLastAttemptAt(), r.getSentAt(), r.getFailedAt());
    }

    public record Filter(String to, String status, String templateCode, String channel) {
    }

    public Page<Notification> list(DSLContext ctx, Filter f, PageRequest page) {
        var where = new ArrayList<Condition>();
        if (f.to() != null) where.add(NOTIFICATIONS.RECIPIENT.eq(f.to()));
        if (f.status() != null) where.add(NOTIFICATIONS.STATUS.eq(f.status()));
        if (f.templateCode() != null) where.add(NOTIFICATIONS.TEMPLATE_CODE.eq(f.templateCode()));
        if (f.channel() != null) where.add(NOTIFICATIONS.CHANNEL.eq(f.channel()));
        Condition all = DSL.and(where);
        int total = ctx.fetchCount(NOTIFICATIONS, all);
        return NEWEST_FIRST.page(ctx.selectFrom(NOTIFICATIONS).where(all), page, total, NotificationStore::toNotification);
    }

    public Optional<Notification> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(NOTIFICATIONS).where(NOTIFICATIONS.ID.eq(id)).fetchOptional(NotificationStore::toNotification);
    }

    public record Keyed(UUID id, String fingerprint) {
    }

    /** The message this caller queued under this Idempotency-Key, if any. */
    public Optional<Keyed> byKey(DSLContext ctx, String caller, String key) {
        return ctx.select(NOTIFICATIONS.ID, NOTIFICATIONS.REQUEST_FINGERPRINT).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.IDEMPOTENCY_CALLER.eq(caller), NOTIFICATIONS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    public record Row(UUID id, String channel, String to, String templateCode, JSONB data, String subject, String body,
                      String caller, String key, String fingerprint, OffsetDateTime now) {
    }

    /**
     * Queues the message, due at once. With a key already used by this caller nothing is written
     * and false is answered: a concurrent duplicate waits here for the first to commit.
     */
    public boolean insert(DSLContext ctx, Row row) {
        var r = new NotificationsRecord();
        r.setId(row.id());
        r.setChannel(row.channel());
        r.setRecipient(row.to());
        r.setTemplateCode(row.templateCode());
        r.setData(row.data());
        r.setSubject(row.subject());
        r.setBody(row.body());
        r.setStatus(NotificationStatus.QUEUED);
        r.setAttempts(0);
        r.setNextAttemptAt(row.now());
        r.setIdempotencyCaller(row.key() == null ? null : row.caller());
        r.setIdempotencyKey(row.key());
        r.setRequestFingerprint(row.key() == null ? null : row.fingerprint());
        r.setCreatedBy(row.caller());
        r.setCreatedAt(row.now());
        r.setUpdatedAt(row.now());
        return ctx.insertInto(NOTIFICATIONS).set(r).onConflictDoNothing().execute() == 1;
    }

    public Optional<String> lockStatus(DSLContext tx, UUID id) {
        return tx.select(NOTIFICATIONS.STATUS).from(NOTIFICATIONS).where(NOTIFICATIONS.ID.eq(id)).forUpdate().fetchOptional(r -> r.value1());
    }

    /** A failed message queued again with a fresh set of attempts, due at once; its last error stays until the next outcome. */
    public void requeue(DSLContext tx, UUID id, OffsetDateTime now) {
        tx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.QUEUED)
                .set(NOTIFICATIONS.ATTEMPTS, 0)
                .set(NOTIFICATIONS.NEXT_ATTEMPT_AT, now)
                .setNull(NOTIFICATIONS.LEASED_UNTIL)
                .setNull(NOTIFICATIONS.FAILED_AT)
                .set(NOTIFICATIONS.UPDATED_AT, now)
                .where(NOTIFICATIONS.ID.eq(id))
                .execute();
    }
}
