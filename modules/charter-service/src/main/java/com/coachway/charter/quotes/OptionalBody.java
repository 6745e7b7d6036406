package com.coachway.charter.quotes;

import com.coachway.common.http.JsonInput;
import io.javalin.http.Context;

import java.util.Optional;

/** Bodies of action endpoints (send, accept, reject, new quote): none at all, or a JSON object. */
final class OptionalBody {
    private OptionalBody() {
    }

    static Optional<JsonInput> read(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body == null || body.length == 0) return Optional.empty();
        return Optional.of(JsonInput.of(ctx));
    }

    /** A body, if sent, must be a JSON object; the contract (EmptyBody) says it has no fields. */
    static void requireEmpty(Context ctx) {
        read(ctx);
    }
}
