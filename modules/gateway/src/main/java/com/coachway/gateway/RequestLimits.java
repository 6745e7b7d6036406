package com.coachway.gateway;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/**
 * How large a request head the gateway accepts: decided here, before routing (nginx in front of
 * Kong answers 414 and 400/494 itself too), so that a service never refuses a head the gateway
 * passed on and the gateway never reports that refusal as a 502 of its own.
 *
 * <p>The limits rest on the services' own: each runs on Jetty with the default
 * {@code HttpConfiguration.requestHeaderSize} of 8,192 bytes for the request line and every header
 * line together (ServiceApp does not change it). What the gateway forwards is larger than what it
 * received: the path again as X-Forwarded-Path, the host again as X-Forwarded-Host, plus
 * X-Forwarded-For/-Proto/-Port/-Prefix, X-Real-IP, Via and X-Request-ID. Worst case: 3,072
 * (request line) + 1,044 (X-Forwarded-Path) + 3,072 (headers) + 275 (X-Forwarded-Host) + about
 * 330 (the other added headers) = about 7,800 bytes, under 8,192 with room for what Jetty's
 * client adds. (The path is limited apart because it is sent twice; a query of 2,000 characters
 * still fits.) Should a kong.yml service path lengthen the
 * forwarded line, {@link KongProxy} measures the head it is about to send and answers 431 instead.
 */
final class RequestLimits {
    static final int REQUEST_LINE_BYTES = 3072;
    static final int PATH_BYTES = 1024;
    static final int HEADER_BYTES = 3072;
    static final int HOST_BYTES = 255;
    /** Jetty's default requestHeaderSize, which every service runs with. */
    static final int UPSTREAM_HEAD_BYTES = 8192;
    /** Room for what Jetty's client itself adds when it sends (e.g. Content-Length). */
    static final int CLIENT_HEADROOM = 128;

    static final String LINE_TOO_LONG =
            "The request line (method, path and query) is longer than " + REQUEST_LINE_BYTES + " bytes";
    static final String PATH_TOO_LONG = "The request path is longer than " + PATH_BYTES + " bytes";
    static final String HEADERS_TOO_LARGE = "The request headers are larger than " + HEADER_BYTES + " bytes in total";
    static final String HOST_TOO_LONG = "The host name is longer than " + HOST_BYTES + " bytes";
    static final String FORWARD_TOO_LARGE = "The request head is too large to forward: with the gateway's forwarding"
            + " headers it would exceed the " + UPSTREAM_HEAD_BYTES + " bytes a service accepts";

    private static final int VERSION_BYTES = "HTTP/1.1".length();

    private RequestLimits() {
    }

    /** @return a 414 or 431 problem, or null when the request head is within the limits */
    static Reply check(Request request) {
        HttpURI uri = request.getHttpURI();
        if (lineBytes(request.getMethod(), uri.getPathQuery()) > REQUEST_LINE_BYTES) {
            return Reply.problem(414, LINE_TOO_LONG);
        }
        if (bytes(uri.getPath()) > PATH_BYTES) {
            return Reply.problem(414, PATH_TOO_LONG);
        }
        if (uri.getHost() != null && uri.getHost().length() > HOST_BYTES) {
            return Reply.problem(431, HOST_TOO_LONG);
        }
        long headers = 0;
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.HOST && bytes(field.getValue()) > HOST_BYTES) {
                return Reply.problem(431, HOST_TOO_LONG);
            }
            headers += fieldBytes(field);
        }
        return headers > HEADER_BYTES ? Reply.problem(431, HEADERS_TOO_LARGE) : null;
    }

    /** The bytes of a request head on the wire: request line, header lines, the blank line. */
    static long headBytes(String method, String pathQuery, Iterable<HttpField> headers) {
        long total = lineBytes(method, pathQuery) + 2;
        for (HttpField field : headers) {
            total += fieldBytes(field);
        }
        return total;
    }

    private static long lineBytes(String method, String pathQuery) {
        return bytes(method) + 1 + bytes(pathQuery) + 1 + VERSION_BYTES + 2;
    }

    private static long fieldBytes(HttpField field) {
        return bytes(field.getName()) + 2 + bytes(field.getValue()) + 2;
    }

    /** UTF-8 length, without encoding: header values are mostly ASCII, and this runs on every request. */
    private static long bytes(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 1 : 3;
        }
        return n;
    }
}
