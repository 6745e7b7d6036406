package com.coachway.common.client;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;

import java.util.List;

/**
 * A call to another service that did not succeed: either it answered non-2xx (status, and the
 * parsed problem+json when it sent one), or it could not be reached in time (status 503,
 * {@link #connectionFailed()}). Handlers decide what it means for their own caller — typically a
 * 404 becomes their own 404/400 and anything {@link #isUnavailable()} becomes {@link #unavailable()}.
 * One that escapes a handler is answered by ServiceApp as 503 (unavailable) or 502 (rejected).
 */
public final class ServiceCallException extends RuntimeException {
    private final String service;
    private final String method;
    private final String path;
    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final boolean connectionFailed;

    public ServiceCallException(String service, String method, String path, int status, String type,
                                String title, String detail, List<FieldError> errors,
                                boolean connectionFailed, Throwable cause) {
        super(service + " " + method + " " + path + " -> " + status + (detail == null ? "" : ": " + detail), cause);
        this.service = service;
        this.method = method;
        this.path = path;
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.connectionFailed = connectionFailed;
    }

    /** The called service's name, as given to its client (e.g. "pricing-service"). */
    public String service() { return service; }
    public String method() { return method; }
    public String path() { return path; }
    public int status() { return status; }
    /** The problem type URI the other service sent, or null when it sent no problem+json. */
    public String type() { return type; }
    public String title() { return title; }
    public String detail() { return detail; }
    public List<FieldError> errors() { return errors; }

    /** True when there was no HTTP answer at all: refused, reset, timed out, interrupted. */
    public boolean connectionFailed() { return connectionFailed; }

    public boolean isNotFound() { return status == 404; }

    /** Worth a retry later: the other side is down, overloaded, or failed on its own. */
    public boolean isUnavailable() { return status >= 500; }

    /** The 503 to answer our own caller with; says which dependency, not its internals. */
    public ApiException unavailable() {
        return ApiException.unavailable(service + " is unavailable; try again shortly");
    }
}
