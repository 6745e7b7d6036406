package com.coachway.common.http;

import io.javalin.http.Context;

/**
 * The Idempotency-Key header that every POST creating money movement or sending messages accepts:
 * the same key again means "the same request again", so the service answers the first result.
 */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; a malformed one is a 400 (it is stored and compared). */
    public static String read(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null) return null;
        if (key.isBlank() || key.length() > 200 || key.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw ApiException.badRequest(HEADER + " must be 1 to 200 printable ASCII characters");
        }
        return key.strip();
    }
}
