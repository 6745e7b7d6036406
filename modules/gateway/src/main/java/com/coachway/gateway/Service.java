package com.coachway.gateway;

import java.net.URI;
import java.util.List;

/**
 * A kong.yml service: where its routes are proxied to, and Kong's per-service timeouts (ms).
 * {@code url} always has a scheme, host and port; its path is empty when the service has none.
 */
public record Service(String name, URI url, int connectTimeout, int readTimeout, int writeTimeout,
                      List<Route> routes, List<PluginConfig> plugins) {
    public Service {
        routes = List.copyOf(routes);
        plugins = List.copyOf(plugins);
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

    /** The upstream Host header Kong sends when preserve_host is false: the port only when not the scheme's default. */
    public String hostHeader() {
        boolean defaultPort = url.getScheme().equals("http") ? port() == 80 : port() == 443;
        return defaultPort ? host() : host() + ":" + port();
    }
}
