package com.coachway.common.http;

import io.javalin.http.Context;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Idempotency-Key header that every POST creating money movement or sending messages accepts:
 * the same key again means "the same request again", so the service answers the first result.
 */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /**
     * The key, or null when none was sent. Its length is the contract's (1 to 200); one that is
     * blank or not printable ASCII is a 400 here, since it is stored and compared as text.
     */
    public static String read(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null) return null;
        if (key.isBlank() || key.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw ApiException.badRequest(HEADER + " must be printable ASCII characters, not only spaces");
        }
        return key.strip();
    }

    /**
     * A digest of what a request asks for, stored beside its key: a retry carries the same values,
     * a different request under a reused key does not (409). Callers pass normalised values
     * (e.g. {@code BigDecimal.stripTrailingZeros()}) so equal requests written differently match.
     */
    public static String fingerprint(Object... values) {
        var digest = sha256();
        for (Object v : values) {
            // Length-prefixed, so no two lists of values share an encoding; null has length -1.
            byte[] bytes = v == null ? new byte[0] : v.toString().getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(4).putInt(v == null ? -1 : bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
