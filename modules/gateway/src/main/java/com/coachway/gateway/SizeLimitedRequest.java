package com.coachway.gateway;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The client's request as the proxy reads it, counting body bytes as they stream through. Past
 * the limit it yields a failure instead of more content, which aborts the upstream request; the
 * proxy then answers 413 (see {@link KongProxy}), and {@link ClientBody} discards the rest.
 */
final class SizeLimitedRequest extends Request.Wrapper {
    /** The failure that stops the upstream request when the body grows past the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }

    private final long limit;
    private long received;
    private Content.Chunk failure;

    SizeLimitedRequest(Request request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public Content.Chunk read() {
        if (failure != null) {
            return failure;
        }
        Content.Chunk chunk = super.read();
        if (chunk == null || Content.Chunk.isFailure(chunk)) {
            return chunk;
        }
        received += chunk.remaining();
        if (received > limit) {
            chunk.release();
            failure = Content.Chunk.from(new TooLarge(limit), true);
            return failure;
        }
        return chunk;
    }
}
