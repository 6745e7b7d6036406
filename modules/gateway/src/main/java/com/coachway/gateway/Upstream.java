package com.coachway.gateway;

import java.net.URI;

/**
 * Where a service's requests really go: the kong.yml url, or a local override of its scheme,
 * host and port. The service's path and its Host header stay those of kong.yml, as if the
 * override were only a DNS answer.
 */
record Upstream(Service service, String scheme, String host, int port) {
    static Upstream of(Service service, URI override) {
        if (override == null) {
            return new Upstream(service, service.url().getScheme(), service.host(), service.port());
        }
        String scheme = override.getScheme() == null ? "http" : override.getScheme();
        int port = override.getPort() >= 0 ? override.getPort() : scheme.equals("https") ? 443 : 80;
        if (override.getHost() == null) {
            throw new IllegalArgumentException("upstream override for '" + service.name() + "' has no host: " + override);
        }
        return new Upstream(service, scheme, override.getHost(), port);
    }

    String uri(String path, String rawQuery) {
        return scheme + "://" + hostForUri() + ":" + port + path + (rawQuery == null ? "" : "?" + rawQuery);
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
