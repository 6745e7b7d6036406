package com.coachway.auth.session;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.JsonInput;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Sign-in, refresh rotation, sign-out and the client-credentials grant, over HTTP; what each does
 * is in {@link SessionActions}. Token answers are never cached.
 */
public final class SessionHandler {
    private final SessionActions actions;

    public SessionHandler(SessionActions actions) {
        this.actions = actions;
    }

    public void login(Context ctx) {
        var in = JsonInput.of(ctx);
        String email = in.requiredString("email");
        String password = in.requiredString("password");
        in.validate();
        ctx.header("Cache-Control", "no-store").json(actions.login(email, password));
    }

    public void refresh(Context ctx) {
        String presented = readRefreshToken(ctx);
        ctx.header("Cache-Control", "no-store").json(actions.refresh(presented));
    }

    public void logout(Context ctx) {
        String presented = readRefreshToken(ctx);
        actions.logout(presented);
        ctx.status(204);
    }

    /** OAuth 2.0 client-credentials grant (RFC 6749 §4.4), JSON body. */
    public void serviceToken(Context ctx) {
        var in = JsonInput.of(ctx);
        in.requiredString("grant_type");
        String clientId = in.requiredString("client_id");
        String secret = in.requiredString("client_secret");
        in.validate();
        ctx.header("Cache-Control", "no-store").json(actions.serviceToken(clientId, secret));
    }

    /** Sessions ended since {@code ?since=} (or over the whole window the feed keeps). */
    public void revocations(Context ctx) {
        String raw = ctx.queryParam("since");
        Instant since = raw == null || raw.isBlank() ? null : parseInstant(raw.strip());
        ctx.header("Cache-Control", "no-store").json(actions.revocations(since));
    }

    private static Instant parseInstant(String raw) {
        if (raw.length() <= 64) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        throw ApiException.validation(List.of(new FieldError("since",
                "must be an ISO-8601 instant with an offset, such as 2026-05-01T08:00:00Z")));
    }

    private String readRefreshToken(Context ctx) {
        var in = JsonInput.of(ctx);
        String token = in.requiredString("refresh_token");
        in.validate();
        return token;
    }
}
