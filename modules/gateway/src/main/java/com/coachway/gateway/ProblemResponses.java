package com.coachway.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The errors the gateway produces itself, as RFC 9457 problem+json with our request_id. The
 * details are Kong's own messages, so logs and clients read the same text under Kong and here.
 */
final class ProblemResponses {
    static final String CONTENT_TYPE = "application/problem+json";
    static final String NO_ROUTE = "no Route matched with those values";
    static final String BAD_GATEWAY = "An invalid response was received from the upstream server";
    static final String TIMEOUT = "The upstream server is timing out";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:#-]{1,128}$");

    private ProblemResponses() {
    }

    static byte[] body(int status, String detail, String requestId) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("request_id", requestId);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
    }

    static String title(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "Error" : reason;
    }

    /**
     * Writes {@code reply} (a problem or an empty answer) with the route's plugins' headers, as
     * Kong runs header_filter on kong.response.exit too.
     */
    static void write(Exchange exchange, Reply reply, Response response, Callback callback) {
        if (exchange.requestId == null) {
            exchange.requestId = requestIdFor(exchange);
        }
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        reply.headers().forEach(headers::put);
        byte[] body = reply.detail() == null ? new byte[0] : body(reply.status(), reply.detail(), exchange.requestId);
        if (reply.detail() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        exchange.applyHeaderFilters(headers);
        if (reply.detail() != null && !headers.contains(GatewayHandler.REQUEST_ID)) {
            // The body names the request id; the header lets a client find it without parsing.
            headers.put(GatewayHandler.REQUEST_ID, exchange.requestId);
        }
        if (exchange.body.unread()) {
            // Answered without (all of) the body: the connection ends after it (see ClientBody).
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(body), exchange.body.discardingRestThen(callback));
    }

    private static String requestIdFor(Exchange exchange) {
        return requestId(exchange.request.getHeaders().get(GatewayHandler.REQUEST_ID));
    }

    /**
     * For an answer no correlation-id plugin ran for (no route, an oversize or malformed request):
     * the client's id when it is a sane one, as the services accept it, else a new one; an oversize
     * header may be that very id, and must not be echoed.
     */
    static String requestId(String fromClient) {
        return fromClient != null && SANE_REQUEST_ID.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }
}
