package com.coachway.gateway;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * The client's request body as the proxy reads it, and what is left of it when the gateway answers
 * without it: a refusal before proxying (413 on a declared length, 404, 429…), a body cut off at the
 * size limit, an upstream that failed mid-upload.
 *
 * <p>A client may still be sending that rest. Jetty alone reads only what has already arrived
 * (HttpConfiguration.maxUnconsumedRequestContentReads) and then closes the connection, without
 * saying so in the answer when the body was never touched; the bytes still arriving then meet a
 * closed socket, the client's TCP stack gets a reset, and the client sees "connection reset" or
 * "header parser received no bytes" instead of the answer already sent to it (RFC 9112 §9.6). So
 * such an answer says {@code Connection: close}, and the gateway reads and discards up to
 * {@link #DISCARD_BYTES} of the rest before it lets Jetty close, as nginx's lingering close
 * (Kong's) and Tomcat's maxSwallowSize do; each read waits at most the connector's idle timeout.
 *
 * <p>A client that sent {@code Expect: 100-continue} and was answered before anyone read its body
 * never got the go-ahead, so it sends nothing more: reading would ask it for the body (Jetty sends
 * the 100 on the first read), so nothing is read and the connection is closed.
 */
final class ClientBody extends Request.Wrapper {
    /** Past the largest route limit (26 MiB) with room to spare; beyond it the connection is closed unread. */
    static final long DISCARD_BYTES = 64L * 1024 * 1024;

    private final boolean declared;
    private final boolean expectsContinue;
    private volatile boolean touched;
    private volatile boolean ended;
    /** Bytes of the body the gateway read only to discard them, and why it could read no more. */
    private long discarded;
    private Throwable readFailure;

    ClientBody(Request request) {
        super(request);
        HttpFields headers = request.getHeaders();
        declared = headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
        expectsContinue = HttpHeaderValue.CONTINUE.is(headers.get(HttpHeader.EXPECT));
    }

    @Override
    public Content.Chunk read() {
        touched = true;
        Content.Chunk chunk = super.read();
        if (chunk != null && chunk.isLast()) {
            ended = true;
        }
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        touched = true;
        super.demand(demandCallback);
    }

    /**
     * The upstream request gives up on the body. When the gateway cut it off itself the rest stays
     * readable, so that it can be discarded; any other failure is passed on, which fails the body
     * for good (nothing is discarded then, and Jetty closes the connection).
     */
    @Override
    public void fail(Throwable failure) {
        if (!isCutOff(failure)) {
            ended = true;
            super.fail(failure);
        }
    }

    /**
     * Whether the answer must close the connection: some of the body may still be on its way. What
     * has already arrived is discarded here, so a small body sent in full keeps the connection open.
     * (Not Request.consumeAvailable(): short of the end, it fails the body for good, "Unconsumed",
     * and nothing more could be read.)
     */
    boolean unread() {
        if (!declared || ended) {
            return false;
        }
        if (awaitsContinue()) {
            return true;
        }
        return !discardAvailable() || readFailure != null;
    }

    /**
     * @return {@code callback}, preceded by reading and discarding the rest of the body when some is
     * unread and the client may be sending it
     */
    Callback discardingRestThen(Callback callback) {
        if (!declared || ended || awaitsContinue()) {
            return callback;
        }
        return Callback.from(() -> discardRest(callback), callback::failed);
    }

    /** @return true when the body has ended (or failed), false when more may come */
    private boolean discardAvailable() {
        Request request = getWrapped();
        while (discarded <= DISCARD_BYTES) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            if (Content.Chunk.isFailure(chunk)) {
                readFailure = chunk.getFailure();
                ended = true;
                return true;
            }
            discarded += chunk.remaining();
            ended = chunk.isLast();
            chunk.release();
            if (ended) {
                return true;
            }
        }
        return false;
    }

    /** Reads from the request Jetty gave us, past any wrapper that stopped passing content on. */
    private void discardRest(Callback callback) {
        if (!discardAvailable() && discarded <= DISCARD_BYTES) {
            getWrapped().demand(() -> discardRest(callback));
        } else if (readFailure != null) {
            // The client went away or fell silent mid-body: the answer is out, the connection ends.
            callback.failed(readFailure);
        } else {
            // The whole body, or as much as the gateway reads of one it refused.
            callback.succeeded();
        }
    }

    /** The client was not told to go ahead (Jetty sends the 100 on the first read), so it sends nothing. */
    private boolean awaitsContinue() {
        return expectsContinue && !touched;
    }

    private static boolean isCutOff(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SizeLimitedRequest.TooLarge) {
                return true;
            }
        }
        return false;
    }
}
