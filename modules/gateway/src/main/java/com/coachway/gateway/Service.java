package com.coachway.gateway;

import java.net.URI;
import java.util.List;

/**
 * A kong.yml service: where its routes are proxied to, and Kong's per-service timeouts (ms).
 * {@code url} is always http://host:port with an optional path that does not end in "/".
 */
public record Service(String name, URI url, int connectTimeout, int readTimeout, int writeTimeout,
                      List<Route> routes) {
    public Service {
        routes = List.copyOf(routes);
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort();
    }

    /** Kong's {@code service.path}; "/" when the url has no path. */
    public String path() {
        String p = url.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    /** The upstream Host header Kong sends (preserve_host is not used): the port only when not 80. */
    public String hostHeader() {
        return port() == 80 ? host() : host() + ":" + port();
    }
}
