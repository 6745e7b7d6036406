package com.coachway.common.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Problem type URIs and the problem+json body shape shared by every service. */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String BASE = "https://coachway.dev/problems/";
    public static final String VALIDATION = BASE + "validation";
    public static final String BAD_REQUEST = BASE + "bad-request";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String CONFLICT = BASE + "conflict";
    public static final String VERSION_CONFLICT = BASE + "version-conflict";
    public static final String TOO_LARGE = BASE + "too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String UNAVAILABLE = BASE + "unavailable";
    public static final String INTERNAL = BASE + "internal";
    public static final String UPSTREAM = BASE + "upstream";

    private Problems() {
    }

    public static Map<String, Object> body(String type, String title, int status, String detail,
                                           List<FieldError> errors, String requestId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) body.put("errors", errors);
        body.put("request_id", requestId);
        return body;
    }
}
