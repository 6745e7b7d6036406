package com.coachway.common.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What becomes of the request body a service answered without reading to its end: a 401/403
 * before the handler ran, a 404/405/415, Javalin's 413 past {@code maxRequestBytes}, a handler
 * that never looked at the body.
 *
 * <p>Jetty alone reads only what has already arrived (HttpConfiguration.maxUnconsumedRequestContentReads,
 * through {@code Request.consumeAvailable}, which fails the body for good when it stops short) and
 * then closes the connection, without saying so in the answer. The body bytes still on their way
 * meet a closed socket, the client's TCP stack gets a reset, and the client (often the gateway,
 * which then answers 502) may lose the answer already sent to it (RFC 9112 §9.6). So here the rest
 * is read and discarded once the answer is out, up to {@link #drainBytes} (the service's limit plus
 * a margin: enough for the usual over-limit upload, not for a client that sends without end); each
 * read waits at most the connector's idle timeout. The connection then stays open, unless the
 * answer could not promise that: a body that was still arriving when the answer was written and is
 * chunked, or declares more than the drain would read, gets {@code Connection: close} (and is still
 * drained, up to the bound, so that the close is clean). An answer already committed while its
 * handler ran (a streamed one) can no longer say so; its body is drained all the same, and past
 * the bound Jetty closes the connection.
 *
 * <p>A client that sent {@code Expect: 100-continue} and was answered before anyone read its body
 * never got the go-ahead, so it sends nothing more; reading would ask it for the body (Jetty sends
 * the 100 on the first read), so nothing is read and the connection closes. The gateway's own
 * answers do the same (gateway's ClientBody).
 */
final class UnreadBody extends Handler.Wrapper {
    private final long drainBytes;

    /** @param drainBytes the most of an unread body that is read, only to be discarded */
    UnreadBody(long drainBytes) {
        this.drainBytes = drainBytes;
    }

    long drainBytes() {
        return drainBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        boolean hasBody = headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
        if (!hasBody) {
            return super.handle(request, response, callback);
        }
        Body body = new Body(request, response, drainBytes);
        return super.handle(body, response, body.discardingRestThen(callback));
    }

    /** The request as the servlet layer reads it: what it read, and the rest to discard. */
    private static final class Body extends Request.Wrapper {
        private final Response response;
        private final long declaredLength;
        private final boolean expectsContinue;
        private final long drainBytes;
        private volatile boolean touched;
        private volatile boolean ended;
        /** Bytes handed to the application (a hint for what is left of a declared length). */
        private volatile long read;
        /** Bytes read here only to be discarded, and why no more could be read. */
        private long discarded;
        private Throwable readFailure;

        Body(Request request, Response response, long drainBytes) {
            super(request);
            this.response = response;
            HttpFields headers = request.getHeaders();
            this.declaredLength = headers.contains(HttpHeader.TRANSFER_ENCODING) ? -1 : headers.getLongField(HttpHeader.CONTENT_LENGTH);
            this.expectsContinue = HttpHeaderValue.CONTINUE.is(headers.get(HttpHeader.EXPECT));
            this.drainBytes = drainBytes;
        }

        @Override
        public Content.Chunk read() {
            touched = true;
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                read += chunk.remaining();
                if (chunk.isLast()) ended = true;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            touched = true;
            super.demand(demandCallback);
        }

        /**
         * Jetty's servlet layer asks this as it completes an answer it has not yet committed (and
         * its error pages ask it to decide on {@code Connection: close}). Instead of Jetty's own,
         * which fails what it cannot read now: discard what has arrived, and say whether the
         * connection can stay open, i.e. the body has ended or the drain after the answer will read
         * the rest. When it cannot, the answer says {@code Connection: close} here, while it still can.
         *
         * @return true when the connection can stay open after the answer
         */
        @Override
        public boolean consumeAvailable() {
            boolean persistent = ended || (!awaitsContinue() && (discardAvailable() || drainWillEnd()));
            if (!persistent && !response.isCommitted()) {
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            return persistent;
        }

        /** The declared rest fits in what the drain still reads (a chunked body's rest is unknown). */
        private boolean drainWillEnd() {
            return readFailure == null && declaredLength >= 0 && declaredLength - read <= drainBytes;
        }

        /** @return {@code callback}, preceded by reading and discarding whatever the application left of the body */
        Callback discardingRestThen(Callback callback) {
            return Callback.from(() -> {
                if (ended || awaitsContinue()) {
                    callback.succeeded();
                } else {
                    discardRest(callback);
                }
            }, callback::failed);
        }

        /** @return true when the body has ended (or failed), false when more may come or the bound is reached */
        private boolean discardAvailable() {
            Request request = getWrapped();
            while (discarded <= drainBytes) {
                Content.Chunk chunk = request.read();
                if (chunk == null) return false;
                if (Content.Chunk.isFailure(chunk)) {
                    readFailure = chunk.getFailure();
                    ended = true;
                    return true;
                }
                discarded += chunk.remaining();
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    ended = true;
                    return true;
                }
            }
            return false;
        }

        private void discardRest(Callback callback) {
            if (!discardAvailable() && discarded <= drainBytes) {
                getWrapped().demand(() -> discardRest(callback));
            } else if (readFailure != null) {
                // The client went away or fell silent mid-body: the answer is out, the connection ends.
                callback.failed(readFailure);
            } else {
                // The whole body, or as much as is read of one: past the bound Jetty closes the connection.
                callback.succeeded();
            }
        }

        /** The client was not told to go ahead (Jetty sends the 100 on the first read), so it sends nothing. */
        private boolean awaitsContinue() {
            return expectsContinue && !touched;
        }
    }
}
