package com.coachway.sales.preferences;

import com.coachway.common.http.JsonInput;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.util.Map;

/** Email preferences and the public unsubscribe over HTTP. */
public final class PreferenceHandler {
    private final PreferenceActions preferences;

    public PreferenceHandler(PreferenceActions preferences) {
        this.preferences = preferences;
    }

    public void get(Context ctx) {
        ctx.json(preferences.get(ctx.pathParam("email")));
    }

    public void put(Context ctx) {
        String email = ctx.pathParam("email");
        var in = JsonInput.of(ctx);
        Boolean optIn = in.requiredBool("marketing_opt_in");
        in.validate();
        ctx.json(preferences.set(ServiceApp.caller(ctx), email, optIn));
    }

    /** The page the email's link opens; it changes nothing itself. */
    public void page(Context ctx) {
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .contentType("text/html; charset=utf-8").result(UnsubscribePage.HTML);
    }

    public void unsubscribe(Context ctx) {
        var in = JsonInput.of(ctx);
        String token = in.requiredString("token");
        in.validate();
        preferences.unsubscribe(token);
        ctx.json(Map.of("status", "unsubscribed"));
    }
}
