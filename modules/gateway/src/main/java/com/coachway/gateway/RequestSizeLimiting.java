package com.coachway.gateway;

import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;

/**
 * Kong's request-size-limiting plugin (kong/plugins/request-size-limiting/handler.lua). Kong
 * buffers a body without Content-Length to measure it; this gateway streams it instead and cuts
 * it off with 413 once it passes the limit (see {@link SizeLimitedRequest}). Either way the 413 is
 * answered before the body was read, so it closes the connection after discarding the rest (see
 * {@link ClientBody}); with {@code Expect: 100-continue} the body is never asked for.
 */
final class RequestSizeLimiting implements Plugin {
    static final String NAME = "request-size-limiting";
    static final String TOO_LARGE = "Request size limit exceeded";
    private static final Map<String, Long> UNITS = Map.of("megabytes", 1024L * 1024, "kilobytes", 1024L, "bytes", 1L);

    private final long allowedBytes;

    RequestSizeLimiting(ConfigObject config) {
        long size = config.integer("allowed_payload_size", 128, 0, Long.MAX_VALUE / (1024 * 1024));
        String unit = config.string("size_unit");
        Long multiplier = UNITS.get(unit == null ? "megabytes" : unit);
        if (multiplier == null) {
            throw ConfigObject.invalid(config.where() + ".size_unit", "must be one of " + UNITS.keySet() + ", not '" + unit + "'");
        }
        allowedBytes = size * multiplier;
        config.requireIfPresent("require_content_length", false);
    }

    long allowedBytes() {
        return allowedBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 951;
    }

    @Override
    public Reply access(Exchange exchange) {
        long length = exchange.request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (length >= 0) {
            if (length > allowedBytes) {
                boolean expectsContinue = HttpHeaderValue.CONTINUE.is(exchange.request.getHeaders().get(HttpHeader.EXPECT));
                return Reply.problem(expectsContinue ? 417 : 413, TOO_LARGE);
            }
            return null;
        }
        exchange.bodyLimit = exchange.bodyLimit < 0 ? allowedBytes : Math.min(exchange.bodyLimit, allowedBytes);
        return null;
    }
}
