package com.coachway.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Kong's cors plugin (kong/plugins/cors/handler.lua) for what kong.yml uses: a list of plain
 * origins (scheme://host[:port]), fixed allowed headers, exposed headers, credentials, max_age.
 * Kong's quirks are kept: a single origin is sent as Access-Control-Allow-Origin whatever the
 * request's Origin, and Access-Control-Allow-Credentials is sent even when the origin is not allowed.
 */
final class Cors implements Plugin {
    static final String NAME = "cors";
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    private static final Pattern PLAIN_ORIGIN = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9.-]+(:[0-9]+)?$");
    private static final String PREFLIGHT = "preflight";

    private final List<String> origins;
    /** The origins normalized as Kong compares them (no default port). */
    private final List<String> allowed = new ArrayList<>();
    private final List<String> headers;
    private final List<String> exposedHeaders;
    private final List<String> methods;
    private final Long maxAge;
    private final boolean credentials;

    Cors(ConfigObject config) {
        origins = config.strings("origins");
        if (origins == null || origins.isEmpty()) {
            throw ConfigObject.invalid(config.where() + ".origins", "is required (Kong's default, any origin, is not supported)");
        }
        for (String origin : origins) {
            if (!PLAIN_ORIGIN.matcher(origin).matches()) {
                throw ConfigObject.invalid(config.where() + ".origins", "only plain scheme://host[:port] origins are supported"
                        + " by the local gateway (no '*' or regex), not '" + origin + "'");
            }
            allowed.add(normalize(origin));
        }
        headers = config.strings("headers");
        if (headers == null || headers.isEmpty()) {
            throw ConfigObject.invalid(config.where() + ".headers", "is required (Kong's default, echoing the request's, is not supported)");
        }
        List<String> e = config.strings("exposed_headers");
        exposedHeaders = e == null ? List.of() : e;
        List<String> m = config.strings("methods");
        methods = m == null ? METHODS : m;
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw ConfigObject.invalid(config.where() + ".methods", "unknown method '" + method + "'");
            }
        }
        long age = config.integer("max_age", -1, 0, Integer.MAX_VALUE);
        maxAge = age < 0 ? null : age;
        credentials = config.bool("credentials", false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Reply access(Exchange exchange) {
        HttpFields request = exchange.request.getHeaders();
        if (!"OPTIONS".equals(exchange.request.getMethod()) || request.get(HttpHeader.ORIGIN) == null
                || request.get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) == null) {
            return null;
        }
        exchange.state(this, PREFLIGHT);
        HttpFields.Mutable out = HttpFields.build();
        out.put(HttpHeader.VARY, "Origin");
        allowOrigin(exchange, out);
        if (credentials) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        out.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, String.join(",", headers));
        out.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, String.join(",", methods));
        if (maxAge != null) {
            out.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, maxAge.toString());
        }
        return Reply.empty(200, out);
    }

    @Override
    public void headerFilter(Exchange exchange, HttpFields.Mutable out) {
        if (exchange.state(this) != null) {
            return;
        }
        out.add(HttpHeader.VARY, "Origin");
        allowOrigin(exchange, out);
        if (credentials) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (!exposedHeaders.isEmpty()) {
            out.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(",", exposedHeaders));
        }
    }

    private void allowOrigin(Exchange exchange, HttpFields.Mutable out) {
        if (origins.size() == 1) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origins.getFirst());
            return;
        }
        String requestOrigin = exchange.request.getHeaders().get(HttpHeader.ORIGIN);
        String normalized = requestOrigin == null ? null : normalize(requestOrigin);
        if (normalized != null && allowed.contains(normalized)) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, normalized);
        } else {
            out.remove(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
    }

    /** scheme://host[:port] without the scheme's default port; the input itself when it has no host. */
    private static String normalize(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return origin;
            }
            String scheme = uri.getScheme();
            int port = uri.getPort();
            boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return (scheme == null ? "" : scheme + "://") + uri.getHost() + (port < 0 || defaultPort ? "" : ":" + port);
        } catch (Exception e) {
            return origin;
        }
    }
}
