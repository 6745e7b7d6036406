package com.coachway.gateway;

import java.util.Locale;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;

/**
 * Kong's correlation-id plugin (kong/plugins/correlation-id/handler.lua) with the uuid generator,
 * the one kong.yml uses.
 */
final class CorrelationId implements Plugin {
    static final String NAME = "correlation-id";

    private final String headerName;
    private final boolean echoDownstream;

    CorrelationId(ConfigObject config) {
        String name = config.string("header_name");
        headerName = name == null ? "Kong-Request-ID" : name;
        // Kong's default generator is uuid#counter; kong.yml asks for uuid.
        String generator = config.string("generator");
        if (!"uuid".equals(generator)) {
            throw ConfigObject.invalid(config.where() + ".generator",
                    (generator == null ? "the default (uuid#counter)" : "'" + generator + "'")
                            + " is not supported by the local gateway (only 'uuid')");
        }
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
            id = UUID.randomUUID().toString();
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
        headers.put(headerName, id == null ? UUID.randomUUID().toString() : id);
    }
}
