package com.coachway.common.http;

import java.util.List;

/**
 * A failure the caller can act on, rendered as RFC 9457 problem+json. Thrown from handlers and
 * domain code alike; anything else that escapes a handler is a 500 and a bug.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    public List<FieldError> errors() { return errors; }

    public static ApiException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(400, Problems.VALIDATION, "Invalid request", detail, errors);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, Problems.BAD_REQUEST, "Bad request", detail, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, Problems.UNAUTHORIZED, "Unauthorized", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, Problems.FORBIDDEN, "Forbidden", detail, null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, Problems.NOT_FOUND, "Not found", what + " not found", null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, Problems.CONFLICT, "Conflict", detail, null);
    }

    public static ApiException versionConflict(int current) {
        return new ApiException(409, Problems.VERSION_CONFLICT, "Version conflict",
                "The record was changed by someone else; it is now at version " + current + ". Reload and retry.", null);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, Problems.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail, null);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, Problems.UNAVAILABLE, "Service unavailable", detail, null);
    }
}
