package com.coachway.common.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/** UUID ids in paths and bodies: anything that is not a canonical UUID is simply not found / invalid. */
public final class Ids {
    private static final Pattern CANONICAL = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Ids() {
    }

    /** The canonical UUID, or null (UUID.fromString accepts odd forms like "1-1-1-1-1"). */
    public static UUID parse(String s) {
        if (s == null || !CANONICAL.matcher(s).matches()) return null;
        return UUID.fromString(s);
    }

    /** A path id: a malformed one names no record, so it is a 404 like any unknown id. */
    public static UUID pathId(Context ctx, String param, String what) {
        UUID id = parse(ctx.pathParam(param));
        if (id == null) throw ApiException.notFound(what);
        return id;
    }

    /** Time-ordered (v7) ids: index-friendly inserts, still unguessable enough for our use. */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        var rnd = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (millis << 16) | 0x7000L | (rnd.nextLong() & 0x0FFFL);
        long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
