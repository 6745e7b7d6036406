package com.coachway.gateway;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before or around our handler as problem+json, never an HTML page or a
 * stack trace: a request Jetty's parser refuses (a path with %00 or another encoded control
 * character, bad escapes; a request line or headers past the connector's buffer, 414 / 431),
 * a 503 while stopping, an unexpected exception.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) {
        String requestId = ProblemResponses.requestId(request.getHeaders().get(GatewayHandler.REQUEST_ID));
        byte[] body = ProblemResponses.body(code, detail(code, message, cause), requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(GatewayHandler.REQUEST_ID, requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = ProblemResponses.requestId(null);
        fields.put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        fields.put(GatewayHandler.REQUEST_ID, requestId);
        return ByteBuffer.wrap(ProblemResponses.body(status, detail(status, reason, null), requestId));
    }

    private static String detail(int code, String message, Throwable cause) {
        // Past the connector's buffer Jetty refuses the head itself: say what our own check says.
        if (code == 414) {
            return RequestLimits.LINE_TOO_LONG;
        }
        if (code == 431) {
            return RequestLimits.HEADERS_TOO_LARGE;
        }
        // A 500's message can carry internals; a 4xx's describes what was wrong with the request.
        if (code >= 500) {
            return ProblemResponses.title(code);
        }
        if (code == 400) {
            // Jetty wraps the parser's reason (e.g. "Illegal character in path" for %00) in "400: Bad Request".
            String why = message;
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().startsWith("400:")) {
                    why = t.getMessage();
                }
            }
            return why == null || why.equals("Bad Request") ? "The request is malformed" : "The request is malformed: " + why;
        }
        return message != null ? message : ProblemResponses.title(code);
    }
}
