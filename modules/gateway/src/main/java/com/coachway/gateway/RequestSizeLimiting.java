package com.coachway.gateway;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;

/**
 * Kong's request-size-limiting plugin (kong/plugins/request-size-limiting/handler.lua). Kong
 * buffers a body without Content-Length to measure it; this gateway streams it instead and cuts
 * it off with 413 once it passes the limit (see {@link SizeLimitedRequest}).
 */
final class RequestSizeLimiting implements Plugin {
    static final String NAME = "request-size-limiting";
    static final String TOO_LARGE = "Request size limit exceeded";
    private static final Map<String, Long> UNITS = Map.of("bytes", 1L, "kilobytes", 1024L, "megabytes", 1024L * 1024);

    private final long allowedBytes;
    private final boolean requireContentLength;

    RequestSizeLimiting(ConfigObject config) {
        long size = config.integer("allowed_payload_size", 128, 0, Long.MAX_VALUE / (1024 * 1024));
        String unit = config.oneOf("size_unit", "megabytes", List.of("megabytes", "kilobytes", "bytes"));
        allowedBytes = size * UNITS.get(unit);
        requireContentLength = config.bool("require_content_length", false);
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
        boolean chunked = exchange.request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, "chunked");
        if (requireContentLength && !chunked) {
            return Reply.problem(411, "A valid Content-Length header is required");
        }
        exchange.bodyLimit = exchange.bodyLimit < 0 ? allowedBytes : Math.min(exchange.bodyLimit, allowedBytes);
        return null;
    }
}
