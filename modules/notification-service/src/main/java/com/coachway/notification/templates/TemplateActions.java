package com.coachway.notification.templates;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The template use cases: list, read, edit. Templates are seeded by migration; the API edits them. */
public final class TemplateActions {
    private static final Logger log = LoggerFactory.getLogger(TemplateActions.class);

    private final DSLContext dsl;
    private final TemplateStore templates;
    private final Clock clock;

    public TemplateActions(DSLContext dsl, TemplateStore templates, Clock clock) {
        this.dsl = dsl;
        this.templates = templates;
        this.clock = clock;
    }

    /** A replacement of a template's texts; {@code version}, when given, is the one the editor read. */
    public record Change(String channel, String subject, String body, String description, Integer version) {
    }

    public Page<Template> list(String channel, PageRequest page) {
        return templates.list(dsl, channel, page);
    }

    public Template get(String code) {
        return templates.find(dsl, code).orElseThrow(() -> ApiException.notFound("Template"));
    }

    /** The template a message is rendered from, if there is one by that code. */
    public Optional<Template> forSending(String code) {
        return templates.find(dsl, code);
    }

    /** The caller checked the texts (TemplateRules); a stale version or another channel is a 409. */
    public Template replace(Caller caller, String code, Change change) {
        Template replaced = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Template before = templates.lock(tx, code).orElseThrow(() -> ApiException.notFound("Template"));
            if (change.version() != null && change.version() != before.version()) throw ApiException.versionConflict(before.version());
            if (!before.channel().equals(change.channel())) {
                // Senders ask for a template by its code and channel (charter-service's quote email): a switch would break them.
                throw ApiException.conflict(code + " is an " + before.channel() + " template; its channel cannot change");
            }
            templates.replace(tx, code, change.channel(), change.subject(), change.body(), change.description(),
                    caller.subject(), OffsetDateTime.now(clock));
            return templates.find(tx, code).orElseThrow();
        });
        log.info("template {} edited to version {} by {}", code, replaced.version(), caller.subject());
        return replaced;
    }
}
