package com.coachway.notification.notifications;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Json;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.notification.templates.TemplateRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.TreeSet;

/** Notifications: queue and read [staff, service], retry a failed one [admin, manager]. */
public final class NotificationHandler {
    /** Keeps 99.90 as 99.90 in the data a template shows (a tree would strip the zero by default). */
    private static final ObjectReader EXACT = Json.MAPPER.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private final NotificationActions actions;

    public NotificationHandler(NotificationActions actions) {
        this.actions = actions;
    }

    public void create(Context ctx) {
        String key = IdempotencyKeys.read(ctx);
        var in = JsonInput.of(ctx);
        String channel = in.requiredString("channel");
        String to = TemplateRules.EMAIL.equals(channel) ? in.requiredEmail("to") : in.requiredString("to");
        if (TemplateRules.SMS.equals(channel) && to != null && !AddressRules.isE164(to)) {
            in.error("to", "must be a phone number in E.164 form, e.g. +16175550100");
        }
        String templateCode = in.optionalString("template_code");
        String subject = in.optionalString("subject");
        String body = in.optionalString("body");
        in.optionalObject("data");
        if (templateCode != null) {
            if (in.has("subject")) in.error("subject", "must be absent with template_code: the template has the subject");
            if (in.has("body")) in.error("body", "must be absent with template_code: the template has the text");
        } else {
            if (body == null || body.isBlank()) in.error("body", "is required without template_code");
            if (in.has("data")) in.error("data", "is only for template_code");
            if (TemplateRules.EMAIL.equals(channel) && (subject == null || subject.isBlank())) in.error("subject", "is required for an email without template_code");
            if (TemplateRules.SMS.equals(channel) && in.has("subject")) in.error("subject", "must be absent for sms: a text message has no subject");
        }
        in.validate();

        JsonNode data = templateCode == null ? null : exactData(ctx);
        var message = new NewMessage(channel, to, templateCode, data, subject, body);
        String fingerprint = IdempotencyKeys.fingerprint(channel, to, templateCode, subject, body, canonical(data));
        Queued queued = actions.queue(ServiceApp.caller(ctx), message, key, fingerprint);
        ctx.status(202).header("Location", "/notifications/" + queued.id()).json(queued);
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String to = q.string("to");
        String status = q.string("status");
        String template = q.string("template_code");
        String channel = q.string("channel");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(new NotificationStore.Filter(to, status, template, channel), page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(Ids.pathId(ctx, "id", "Notification")));
    }

    public void retry(Context ctx) {
        var id = Ids.pathId(ctx, "id", "Notification");
        ctx.status(202).json(actions.retry(ServiceApp.caller(ctx), id));
    }

    /** The data object with its numbers as written; {} when absent (a template without variables needs none). */
    private static JsonNode exactData(Context ctx) {
        try {
            JsonNode data = EXACT.readTree(ctx.bodyAsBytes()).get("data");
            return data == null || data.isNull() ? Json.MAPPER.createObjectNode() : data;
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read");
        }
    }

    /** The data as JSON that is the same however a retry orders its keys or writes its numbers (1.50 = 1.5). */
    static String canonical(JsonNode node) {
        return node == null ? null : sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        var f = Json.MAPPER.getNodeFactory();
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            var keys = new TreeSet<String>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> out.set(k, sorted(node.get(k))));
            return out;
        }
        if (node.isArray()) {
            var out = f.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        if (node.isNumber()) return f.numberNode(node.decimalValue().stripTrailingZeros());
        return node;
    }
}
