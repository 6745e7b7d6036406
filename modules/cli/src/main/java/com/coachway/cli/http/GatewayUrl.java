package com.coachway.cli.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The gateway's base URL, normalised (no trailing slash) so a stored login compares equal to --url. */
public record GatewayUrl(String value) {
    public static final GatewayUrl DEFAULT = new GatewayUrl("http://localhost:8080");

    /** @throws IllegalArgumentException naming what is wrong, for picocli and for COACHWAY_URL */
    public static GatewayUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL like http://localhost:8080");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' must be a plain base URL (no user, query or fragment)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new GatewayUrl(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    }

    /** The absolute URI of a public API path such as /api/v1/auth/login. */
    public URI resolve(String pathAndQuery) {
        return URI.create(value + pathAndQuery);
    }

    @Override
    public String toString() {
        return value;
    }
}
