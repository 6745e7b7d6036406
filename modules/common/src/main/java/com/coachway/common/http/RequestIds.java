package com.coachway.common.http;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** X-Request-ID: kept when the caller (or the gateway) sent a sane one, generated otherwise. */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    /** The SLF4J MDC key holding the id of the request this thread is serving. */
    public static final String MDC_KEY = "request_id";
    static final String ATTRIBUTE = "request_id";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:#-]{1,128}$");

    private RequestIds() {
    }

    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : accept(ctx.header(HEADER));
    }

    /**
     * The id of the request this thread is serving (from the MDC), for passing on to the services
     * it calls; null outside a request, or when what is there would not be a sane header value.
     */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null && SANE.matcher(id).matches() ? id : null;
    }
}
