package com.coachway.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Kong's cors plugin (kong/plugins/cors/handler.lua), including its quirks: a single plain origin
 * is sent as Access-Control-Allow-Origin whatever the request's Origin, and
 * Access-Control-Allow-Credentials is sent even when the origin is not allowed.
 */
final class Cors implements Plugin {
    static final String NAME = "cors";
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    private static final Pattern PLAIN_ORIGIN = Pattern.compile("^[A-Za-z0-9.:/-]+$");
    private static final String SKIP_RESPONSE_HEADERS = "preflight";

    /** An allowed origin: compared normalized, or a regex matched against the host or whole origin. */
    private record AllowedOrigin(String domain, Pattern regex, boolean byHost) {
    }

    private final List<String> origins;
    private final List<AllowedOrigin> allowed = new ArrayList<>();
    private final List<String> headers;
    private final List<String> exposedHeaders;
    private final List<String> methods;
    private final Double maxAge;
    private final boolean credentials;
    private final boolean privateNetwork;
    private final boolean preflightContinue;

    Cors(ConfigObject config) {
        List<String> o = config.strings("origins");
        origins = o == null ? List.of() : o;
        headers = orEmpty(config.strings("headers"));
        exposedHeaders = orEmpty(config.strings("exposed_headers"));
        List<String> m = config.strings("methods");
        methods = m == null ? METHODS : m;
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw ConfigObject.invalid(config.where() + ".methods", "unknown method '" + method + "'");
            }
        }
        maxAge = config.number("max_age");
        credentials = config.bool("credentials", false);
        privateNetwork = config.bool("private_network", false);
        preflightContinue = config.bool("preflight_continue", false);
        for (String entry : origins) {
            if (entry.equals("*")) {
                continue;
            }
            allowed.add(allowedOrigin(config, entry));
        }
    }

    private static AllowedOrigin allowedOrigin(ConfigObject config, String entry) {
        boolean byHost = !entry.contains(":");
        if (PLAIN_ORIGIN.matcher(entry).matches()) {
            return new AllowedOrigin(normalize(entry)[0], null, byHost);
        }
        // Kong anchors origin regexes at both ends.
        String regex = entry.startsWith("^") ? entry.substring(1) : entry;
        regex = regex.endsWith("$") ? regex : regex + "$";
        try {
            return new AllowedOrigin(null, Pattern.compile("^" + regex), byHost);
        } catch (PatternSyntaxException e) {
            throw ConfigObject.invalid(config.where() + ".origins", "'" + entry + "' is not a valid regex");
        }
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
        exchange.state(this, SKIP_RESPONSE_HEADERS);
        if (preflightContinue) {
            return null;
        }
        HttpFields.Mutable out = HttpFields.build();
        boolean allowAll = configureOrigin(exchange, out, false);
        configureCredentials(exchange, out, allowAll, false);
        if (!headers.isEmpty()) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, String.join(",", headers));
        } else if (request.get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS) != null) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, request.get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS));
        }
        out.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, String.join(",", methods));
        if (maxAge != null) {
            out.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, formatNumber(maxAge));
        }
        if (privateNetwork && "true".equals(request.get("Access-Control-Request-Private-Network"))) {
            out.put("Access-Control-Allow-Private-Network", "true");
        }
        return Reply.empty(200, out);
    }

    @Override
    public void headerFilter(Exchange exchange, HttpFields.Mutable out) {
        if (exchange.state(this) != null) {
            return;
        }
        boolean allowAll = configureOrigin(exchange, out, true);
        configureCredentials(exchange, out, allowAll, true);
        if (!exposedHeaders.isEmpty()) {
            out.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(",", exposedHeaders));
        }
    }

    /** @return true when every origin is allowed ("*") */
    private boolean configureOrigin(Exchange exchange, HttpFields.Mutable out, boolean headerFilter) {
        if (origins.isEmpty() || origins.size() == 1 && origins.getFirst().equals("*")) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            return true;
        }
        addVary(out, headerFilter);
        if (origins.size() == 1 && PLAIN_ORIGIN.matcher(origins.getFirst()).matches()) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origins.getFirst());
            return false;
        }
        String requestOrigin = exchange.request.getHeaders().get(HttpHeader.ORIGIN);
        if (requestOrigin != null) {
            if (origins.contains("*")) {
                out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
                return true;
            }
            String[] normalized = normalize(requestOrigin);
            for (AllowedOrigin origin : allowed) {
                boolean found = origin.regex() != null
                        ? origin.regex().matcher(origin.byHost() ? normalized[1] : normalized[0]).lookingAt()
                        : normalized[0].equals(origin.domain());
                if (found) {
                    out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, normalized[0]);
                    return false;
                }
            }
        }
        out.remove(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN);
        return false;
    }

    private void configureCredentials(Exchange exchange, HttpFields.Mutable out, boolean allowAll, boolean headerFilter) {
        if (!credentials) {
            return;
        }
        if (!allowAll) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            return;
        }
        // "*" cannot go with credentials: echo the caller's origin instead.
        String requestOrigin = exchange.request.getHeaders().get(HttpHeader.ORIGIN);
        if (requestOrigin != null) {
            addVary(out, headerFilter);
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, requestOrigin);
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }

    private static void addVary(HttpFields.Mutable out, boolean headerFilter) {
        if (headerFilter) {
            out.add(HttpHeader.VARY, "Origin");
        } else {
            out.put(HttpHeader.VARY, "Origin");
        }
    }

    /** @return {scheme://host[:port] without default ports, host}; the input itself when it has no host */
    private static String[] normalize(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return new String[] {origin, origin};
            }
            String scheme = uri.getScheme();
            int port = uri.getPort();
            boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            String domain = (scheme == null ? "" : scheme + "://") + uri.getHost()
                    + (port < 0 || defaultPort ? "" : ":" + port);
            return new String[] {domain, uri.getHost()};
        } catch (Exception e) {
            return new String[] {origin, origin};
        }
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
