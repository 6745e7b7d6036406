package com.coachway.gateway;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/** Kong's correlation-id plugin (kong/plugins/correlation-id/handler.lua). */
final class CorrelationId implements Plugin {
    static final String NAME = "correlation-id";

    private final String headerName;
    private final String generator;
    private final boolean echoDownstream;
    private final String instanceUuid = UUID.randomUUID().toString();
    private final AtomicLong counter = new AtomicLong();

    CorrelationId(ConfigObject config) {
        headerName = config.string("header_name", "Kong-Request-ID");
        generator = config.oneOf("generator", "uuid#counter", List.of("uuid", "uuid#counter", "tracker"));
        echoDownstream = config.bool("echo_downstream", false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100001;
    }

    @Override
    public Reply access(Exchange exchange) {
        String id = exchange.request.getHeaders().get(headerName);
        if (id == null || id.isEmpty()) {
            id = generate(exchange.request);
            exchange.upstreamHeaders.put(headerName, id);
        }
        exchange.state(this, id);
        if (headerName.toLowerCase(Locale.ROOT).equals("x-request-id") || exchange.requestId == null) {
            exchange.requestId = id;
        }
        return null;
    }

    @Override
    public void headerFilter(Exchange exchange, HttpFields.Mutable headers) {
        if (!echoDownstream) {
            return;
        }
        String id = exchange.state(this);
        if (id == null) {
            id = exchange.request.getHeaders().get(headerName);
        }
        headers.put(headerName, id == null || id.isEmpty() ? generate(exchange.request) : id);
    }

    private String generate(Request request) {
        return switch (generator) {
            case "uuid" -> UUID.randomUUID().toString();
            case "uuid#counter" -> instanceUuid + "#" + counter.incrementAndGet();
            default -> String.format(Locale.ROOT, "%s-%d-%d-%s-%s-%.3f", Request.getLocalAddr(request),
                    Request.getLocalPort(request), ProcessHandle.current().pid(),
                    request.getConnectionMetaData().getId(), request.getId(), System.currentTimeMillis() / 1000.0);
        };
    }
}
