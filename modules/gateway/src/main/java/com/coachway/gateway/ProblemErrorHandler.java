package com.coachway.gateway;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before or around our handler (malformed request, ambiguous URI, headers too
 * large, an unexpected exception) as problem+json, never an HTML page or a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) {
        String requestId = request.getHeaders().get(GatewayHandler.REQUEST_ID);
        byte[] body = ProblemResponses.body(code, detail(code, message), requestId != null ? requestId : UUID.randomUUID().toString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        return ByteBuffer.wrap(ProblemResponses.body(status, detail(status, reason), UUID.randomUUID().toString()));
    }

    private static String detail(int code, String message) {
        // A 500's message can carry internals; a 4xx's describes what was wrong with the request.
        return code >= 500 || message == null ? ProblemResponses.title(code) : message;
    }
}
