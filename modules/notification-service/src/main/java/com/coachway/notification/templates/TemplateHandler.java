package com.coachway.notification.templates;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;


/** Templates: read [staff, service], edit [admin, manager]. */
public final class TemplateHandler {

    private final TemplateActions actions;

    public TemplateHandler(TemplateActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String channel = q.string("channel");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(channel, page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(code(ctx)));
    }

    public void replace(Context ctx) {
        String code = code(ctx);
        var in = JsonInput.of(ctx);
        String channel = in.requiredString("channel");
        String subject = in.optionalString("subject");
        String body = in.requiredString("body");
        String description = in.optionalString("description");
        Integer version = in.optionalInt("version");
        in.validate();
        TemplateRules.problems(channel, subject, body).forEach(e -> in.error(e.field(), e.message()));
        in.validate();
        ctx.json(actions.replace(ServiceApp.caller(ctx), code, new TemplateActions.Change(channel, subject, body, description, version)));
    }

    /** A code that cannot be one names no template. */
    private static String code(Context ctx) {
        String code = ctx.pathParam("code");
        if (!code.matches("^[a-z][a-z0-9_]{1,49}$")) throw ApiException.notFound("Template");
        return code;
    }
}
