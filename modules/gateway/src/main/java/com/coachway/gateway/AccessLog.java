package com.coachway.gateway;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.QuietException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, as key=value pairs. Deliberately no headers and no bodies: they carry
 * tokens and personal data.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("com.coachway.gateway.access");

    private AccessLog() {
    }

    static void log(Exchange exchange, int status, Throwable clientFailure) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        var line = LOG.atInfo()
                .addKeyValue("request_id", exchange.requestId)
                .addKeyValue("method", exchange.request.getMethod())
                .addKeyValue("path", exchange.request.getHttpURI().getPath())
                .addKeyValue("route", exchange.routeName() == null ? "-" : exchange.routeName())
                .addKeyValue("status", status)
                .addKeyValue("upstream_ms", exchange.upstreamLatencyMillis < 0 ? "-" : exchange.upstreamLatencyMillis)
                .addKeyValue("total_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exchange.startNanos));
        if (exchange.failure != null) {
            line = line.addKeyValue("upstream_error", exchange.failure.toString());
        }
        // Jetty reports a body we rejected without reading as a "quiet" failure: not news.
        if (clientFailure != null && !(clientFailure instanceof QuietException)) {
            line = line.addKeyValue("client_error", clientFailure.toString());
        }
        line.log("request");
    }
}
