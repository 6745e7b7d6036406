package com.coachway.notification.notifications;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Json;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.notification.templates.Rendering;
import com.coachway.notification.templates.Template;
import com.coachway.notification.templates.TemplateActions;
import com.coachway.notification.templates.TemplateRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The notification use cases: queue a message (rendered now, so a missing variable is the
 * caller's 400, not a failure later), read the queue, send a failed message again. Sending
 * itself is the worker's (delivery), never done inside a request.
 */
public final class NotificationActions {
    private static final Logger log = LoggerFactory.getLogger(NotificationActions.class);

    private final DSLContext dsl;
    private final NotificationStore notifications;
    private final TemplateActions templates;
    private final Clock clock;

    public NotificationActions(DSLContext dsl, NotificationStore notifications, TemplateActions templates, Clock clock) {
        this.dsl = dsl;
        this.notifications = notifications;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Queues the message; with an Idempotency-Key this caller used before, answers the message
     * queued then (another request under the same key is a 409). The key is looked up first, so a
     * retry is answered the same even after its template changed.
     */
    public Queued queue(Caller caller, NewMessage m, String key, String fingerprint) {
        if (key != null) {
            var earlier = notifications.byKey(dsl, caller.subject(), key);
            if (earlier.isPresent()) return replay(earlier.get(), fingerprint);
        }
        Rendered rendered = render(m);
        UUID id = Ids.newId();
        boolean inserted = notifications.insert(dsl, new NotificationStore.Row(id, m.channel(), m.to(), m.templateCode(),
                m.data() == null ? null : JSONB.jsonb(json(m.data())), rendered.subject(), rendered.body(),
                caller.subject(), key, fingerprint, OffsetDateTime.now(clock)));
        if (!inserted) {
            // A concurrent request under the same key committed first (the insert waited for it).
            var first = notifications.byKey(dsl, caller.subject(), key)
                    .orElseThrow(() -> ApiException.conflict("This Idempotency-Key is in use by a request still running; retry shortly"));
            return replay(first, fingerprint);
        }
        log.info("notification {} queued: {} to {} ({}) by {}", id, m.channel(), mask(m.to()),
                m.templateCode() == null ? "own text" : m.templateCode(), caller.subject());
        return Queued.of(id);
    }

    private static Queued replay(NotificationStore.Keyed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different notification");
        }
        return Queued.of(earlier.id());
    }

    private record Rendered(String subject, String body) {
    }

    /** The texts the message goes out with; a missing variable or a template of the other channel is a 400. */
    private Rendered render(NewMessage m) {
        String subject = m.subject();
        String body = m.body();
        if (m.fromTemplate()) {
            Template t = templates.forSending(m.templateCode()).orElseThrow(() ->
                    ApiException.validation(List.of(new FieldError("template_code", "is no template; GET /templates lists them"))));
            if (!t.channel().equals(m.channel())) {
                throw ApiException.validation(List.of(new FieldError("channel",
                        "must be " + t.channel() + ": " + t.code() + " is an " + t.channel() + " template")));
            }
            try {
                subject = t.subject() == null ? null : Rendering.render(t.subject(), m.data());
                body = Rendering.render(t.body(), m.data());
            } catch (Rendering.Missing e) {
                throw ApiException.validation(List.of(new FieldError(e.variable() == null ? "data" : "data." + e.variable(), e.getMessage())));
            }
        }
        // A line break in a subject would be a header break in some mail systems.
        if (subject != null) subject = subject.replaceAll("[\\r\\n]+", " ").strip();
        if (TemplateRules.SMS.equals(m.channel()) && body.length() > AddressRules.MAX_SMS_CHARS) {
            throw ApiException.validation(List.of(new FieldError(m.fromTemplate() ? "data" : "body",
                    "makes a text message of " + body.length() + " characters; at most " + AddressRules.MAX_SMS_CHARS + " go in one")));
        }
        if (body.isBlank()) throw ApiException.validation(List.of(new FieldError(m.fromTemplate() ? "data" : "body", "makes an empty message")));
        return new Rendered(subject, body);
    }

    public Page<Notification> list(NotificationStore.Filter filter, PageRequest page) {
        return notifications.list(dsl, filter, page);
    }

    public Notification get(UUID id) {
        return notifications.find(dsl, id).orElseThrow(() -> ApiException.notFound("Notification"));
    }

    /** A failed message is queued again with all its attempts; any other state is a 409 naming it. */
    public Notification retry(Caller caller, UUID id) {
        Notification queued = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            String status = notifications.lockStatus(tx, id).orElseThrow(() -> ApiException.notFound("Notification"));
            NotificationStatus.refusalToRetry(status).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            notifications.requeue(tx, id, OffsetDateTime.now(clock));
            return notifications.find(tx, id).orElseThrow();
        });
        log.info("notification {} queued again by {}", id, caller.subject());
        return queued;
    }

    private static String json(Object data) {
        try {
            return Json.MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Addresses are personal data: the log shows enough to find the row, not the address. */
    static String mask(String to) {
        if (to == null || to.length() < 4) return "***";
        int at = to.indexOf('@');
        return at > 0 ? to.charAt(0) + "***" + to.substring(at) : "***" + to.substring(to.length() - 3);
    }
}
