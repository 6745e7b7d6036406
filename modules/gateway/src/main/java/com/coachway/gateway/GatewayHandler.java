package com.coachway.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Kong's request lifecycle around Jetty's proxy: refuse an oversize head, route, run the route's
 * plugins' access phase (any may answer instead of the upstream), then proxy; header_filter runs
 * on whatever answers.
 */
final class GatewayHandler extends Handler.Wrapper {
    static final String REQUEST_ID = "X-Request-ID";

    private final Router router;
    private final Map<Route, List<Plugin>> plugins;
    private final Map<Service, Upstream> upstreams;

    GatewayHandler(Router router, Map<Route, List<Plugin>> plugins, Map<Service, Upstream> upstreams, KongProxy proxy) {
        super(proxy);
        this.router = router;
        this.plugins = plugins;
        this.upstreams = upstreams;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange exchange = new Exchange(request);
        request.setAttribute(Exchange.ATTRIBUTE, exchange);
        Request.addCompletionListener(request, failure -> AccessLog.log(exchange, response.getStatus(), failure));

        Reply oversize = RequestLimits.check(request);
        if (oversize != null) {
            // Like nginx refusing a head before Kong routes it: no plugin runs.
            ProblemResponses.write(exchange, oversize, response, callback);
            return true;
        }
        exchange.match = router.match(request.getMethod(), request.getHttpURI().getPath());
        if (exchange.match == null) {
            // As in Kong, no plugin runs for a request no route matched.
            ProblemResponses.write(exchange, Reply.problem(404, ProblemResponses.NO_ROUTE), response, callback);
            return true;
        }
        exchange.upstream = upstreams.get(exchange.match.service());
        exchange.plugins = plugins.get(exchange.match.route());
        for (Plugin plugin : exchange.plugins) {
            Reply reply = plugin.access(exchange);
            if (reply != null) {
                ProblemResponses.write(exchange, reply, response, callback);
                return true;
            }
        }
        if (exchange.requestId == null) {
            String fromClient = request.getHeaders().get(REQUEST_ID);
            exchange.requestId = fromClient != null ? fromClient : UUID.randomUUID().toString();
        }
        Request forwarded = exchange.bodyLimit >= 0 ? new SizeLimitedRequest(exchange.body, exchange.bodyLimit) : exchange.body;
        return super.handle(forwarded, response, callback);
    }
}
