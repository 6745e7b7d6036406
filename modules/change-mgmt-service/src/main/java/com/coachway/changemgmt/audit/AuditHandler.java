package com.coachway.changemgmt.audit;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** /audit-events over HTTP. The Idempotency-Key is the producer's outbox event id and becomes the event's id. */
public final class AuditHandler {
    private final AuditActions audit;

    public AuditHandler(AuditActions audit) {
        this.audit = audit;
    }

    public void record(Context ctx) {
        var in = JsonInput.of(ctx);
        String key = IdempotencyKeys.read(ctx);
        UUID id = key == null ? null : Ids.parse(key);
        if (key == null) in.error("Idempotency-Key", "header is required: the producer's outbox event id");
        else if (id == null) in.error("Idempotency-Key", "must be a UUID: the producer's outbox event id");
        var e = new AuditEvent(id, in.requiredString("service"), in.requiredString("action"), in.requiredString("entity_type"),
                in.requiredString("entity_id"), in.requiredString("actor"), in.requiredDateTime("occurred_at"),
                in.optionalString("from"), in.optionalString("to"), details(ctx), null);
        in.validate();
        var receipt = audit.record(ServiceApp.caller(ctx), e);
        ctx.status(AuditActions.RECORDED.equals(receipt.status()) ? 201 : 200).json(receipt);
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var errors = new ArrayList<FieldError>();
        var filter = new AuditStore.Filter(q.string("entity_type"), q.string("entity_id"), q.string("actor"), q.string("action"),
                q.string("service"), time(ctx, "from", errors), time(ctx, "to", errors));
        var page = q.page();
        q.validate();
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        ctx.json(audit.list(filter, page));
    }

    private static OffsetDateTime time(Context ctx, String name, List<FieldError> errors) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return OffsetDateTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date-time with offset, e.g. 2026-12-01T09:00:00Z"));
            return null;
        }
    }

    /** The free-form details as posted (the contract has checked the body already; JsonInput reads only typed fields). */
    private static JsonNode details(Context ctx) {
        JsonNode d = JsonInput.parseObject(ctx.bodyAsBytes()).get("details");
        return d == null || d.isNull() ? null : d;
    }
}
