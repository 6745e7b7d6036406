package com.coachway.gateway;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/** What the gateway knows about one request while it is in flight (Kong's ngx.ctx). */
final class Exchange {
    static final String ATTRIBUTE = Exchange.class.getName();

    final Request request;
    /** The request's body as the proxy reads it; what is left of it when the gateway answers itself. */
    final ClientBody body;
    final long startNanos = System.nanoTime();
    final HttpFields.Mutable upstreamHeaders = HttpFields.build();
    private final Map<Plugin, Object> pluginState = new IdentityHashMap<>();

    Router.Match match;
    Upstream upstream;
    List<Plugin> plugins = List.of();
    String requestId;
    /** Bytes the request body may stream before it is cut off with 413; negative when unlimited. */
    long bodyLimit = -1;
    long upstreamStartNanos;
    long upstreamLatencyMillis = -1;
    /** Why the upstream exchange failed, for the access log; null when it did not. */
    Throwable failure;

    Exchange(Request request) {
        this.request = request;
        this.body = new ClientBody(request);
    }

    static Exchange of(Request request) {
        return (Exchange) request.getAttribute(ATTRIBUTE);
    }

    /** Kong's kong.ctx.plugin: state one plugin keeps between its phases of this request. */
    @SuppressWarnings("unchecked")
    <T> T state(Plugin plugin) {
        return (T) pluginState.get(plugin);
    }

    void state(Plugin plugin, Object value) {
        pluginState.put(plugin, value);
    }

    /** Kong keeps the raw query string, even an empty one ("/path?"). */
    String upstreamUri() {
        return upstream.uri(match.upstreamPath(), request.getHttpURI().getQuery());
    }

    String routeName() {
        return match == null ? null : match.route().name();
    }

    void applyHeaderFilters(HttpFields.Mutable headers) {
        for (Plugin plugin : plugins) {
            plugin.headerFilter(this, headers);
        }
    }
}
