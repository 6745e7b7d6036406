package com.coachway.notification.templates;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.notification.tables.records.TemplatesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static com.coachway.db.notification.Tables.TEMPLATES;

/** The jOOQ queries for templates. Every method runs on the DSLContext it is given. */
public final class TemplateStore {
    private static final Keyset BY_CODE = Keyset.of("templates", TEMPLATES.CODE.asc());

    private static Template toTemplate(TemplatesRecord r) {
        var variables = new LinkedHashSet<String>(Rendering.variables(r.getSubject()));
        variables.addAll(Rendering.variables(r.getBody()));
        return new Template(r.getCode(), r.getChannel(), r.getSubject(), r.getBody(), r.getDescription(),
                List.copyOf(variables), r.getVersion(), r.getUpdatedAt(), r.getUpdatedBy());
    }

    public Page<Template> list(DSLContext ctx, String channel, PageRequest page) {
        Condition where = channel == null ? DSL.noCondition() : TEMPLATES.CHANNEL.eq(channel);
        int total = ctx.fetchCount(TEMPLATES, where);
        return BY_CODE.page(ctx.selectFrom(TEMPLATES).where(where), page, total, TemplateStore::toTemplate);
    }

    public Optional<Template> find(DSLContext ctx, String code) {
        return ctx.selectFrom(TEMPLATES).where(TEMPLATES.CODE.eq(code)).fetchOptional(TemplateStore::toTemplate);
    }

    public Optional<Template> lock(DSLContext tx, String code) {
        return tx.selectFrom(TEMPLATES).where(TEMPLATES.CODE.eq(code)).forUpdate().fetchOptional(TemplateStore::toTemplate);
    }

    public void replace(DSLContext tx, String code, String channel, String subject, String body, String description,
                        String actor, OffsetDateTime now) {
        var update = tx.update(TEMPLATES)
                .set(TEMPLATES.CHANNEL, channel)
                .set(TEMPLATES.SUBJECT, subject)
                .set(TEMPLATES.BODY, body)
                .set(TEMPLATES.VERSION, TEMPLATES.VERSION.plus(1))
                .set(TEMPLATES.UPDATED_AT, now)
                .set(TEMPLATES.UPDATED_BY, actor);
        (description == null ? update : update.set(TEMPLATES.DESCRIPTION, description))
                .where(TEMPLATES.CODE.eq(code))
                .execute();
    }
}
