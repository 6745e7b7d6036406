package com.coachway.gateway;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's reverse proxy, told to forward the way Kong 3.9 does (kong/runloop/handler.lua and
 * kong/templates/nginx_kong.lua): Host is the service's host, X-Forwarded-*
 * and X-Real-IP are Kong's (client-sent ones are not trusted, as with Kong's default
 * trusted_ips), X-Forwarded-For is appended to. Jetty already drops hop-by-hop headers and those
 * named in Connection, and streams both bodies.
 */
final class KongProxy extends ProxyHandler.Reverse {
    private static final List<String> KONG_SETS = List.of("X-Forwarded-Proto", "X-Forwarded-Host",
            "X-Forwarded-Port", "X-Forwarded-Path", "X-Forwarded-Prefix", "X-Real-IP", "X-Forwarded-For");

    private final int connectTimeoutMillis;

    /** @param connectTimeoutMillis Jetty's client has one connect timeout, so the largest service's is used */
    KongProxy(int connectTimeoutMillis) {
        super(request -> HttpURI.from(Exchange.of(request).upstreamUri()));
        this.connectTimeoutMillis = connectTimeoutMillis;
        setViaHost("coachway-gateway");
    }

    @Override
    protected void configureHttpClient(HttpClient httpClient) {
        super.configureHttpClient(httpClient);
        httpClient.setConnectTimeout(connectTimeoutMillis);
        // Kong forwards the client's User-Agent or none; Jetty would add its own.
        httpClient.setUserAgentField(null);
        httpClient.setMaxConnectionsPerDestination(256);
        // Kong's upstream_keepalive_idle_timeout.
        httpClient.setIdleTimeout(60_000);
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request clientToProxyRequest, HttpURI newHttpURI) {
        Service service = Exchange.of(clientToProxyRequest).upstream.service();
        // Like nginx's proxy_read_timeout this bounds the silence between two reads, not the whole
        // exchange. Jetty has one idle timeout per exchange, so write_timeout is not applied apart.
        return super.newProxyToServerRequest(clientToProxyRequest, newHttpURI)
                .idleTimeout(service.readTimeout(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void copyRequestHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
        super.copyRequestHeaders(clientToProxyRequest, proxyToServerRequest);
        Exchange exchange = Exchange.of(clientToProxyRequest);
        String host = exchange.upstream.service().hostHeader();
        proxyToServerRequest.headers(headers -> {
            KONG_SETS.forEach(headers::remove);
            headers.put(HttpHeader.HOST, host);
            exchange.upstreamHeaders.forEach(headers::put);
        });
    }

    @Override
    protected void addProxyHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
        addViaHeader(clientToProxyRequest, proxyToServerRequest);
        Exchange exchange = Exchange.of(clientToProxyRequest);
        HttpURI uri = clientToProxyRequest.getHttpURI();
        String remote = Request.getRemoteAddr(clientToProxyRequest);
        List<String> forwardedFor = clientToProxyRequest.getHeaders().getValuesList("X-Forwarded-For");
        String prefix = exchange.match.matchedPath();
        proxyToServerRequest.headers(headers -> {
            headers.put("X-Forwarded-For", forwardedFor.isEmpty() ? remote : String.join(", ", forwardedFor) + ", " + remote);
            headers.put("X-Forwarded-Proto", uri.getScheme() == null ? "http" : uri.getScheme());
            if (uri.getHost() != null) {
                headers.put("X-Forwarded-Host", uri.getHost().toLowerCase(java.util.Locale.ROOT));
            }
            headers.put("X-Forwarded-Port", Integer.toString(Request.getLocalPort(clientToProxyRequest)));
            headers.put("X-Forwarded-Path", uri.getPath());
            if (!prefix.equals("/")) {
                headers.put("X-Forwarded-Prefix", prefix);
            }
            headers.put("X-Real-IP", remote);
        });
    }

    @Override
    protected void sendProxyToServerRequest(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest,
                                            Response proxyToClientResponse, Callback proxyToClientCallback) {
        Exchange exchange = Exchange.of(clientToProxyRequest);
        String pathQuery = proxyToServerRequest.getPath()
                + (proxyToServerRequest.getQuery() == null ? "" : "?" + proxyToServerRequest.getQuery());
        long head = RequestLimits.headBytes(proxyToServerRequest.getMethod(), pathQuery, proxyToServerRequest.getHeaders());
        if (head > RequestLimits.UPSTREAM_HEAD_BYTES - RequestLimits.CLIENT_HEADROOM) {
            // The service would refuse it (and we would report a 502): say what is wrong instead.
            ProblemResponses.write(exchange, Reply.problem(431, RequestLimits.FORWARD_TOO_LARGE), proxyToClientResponse, proxyToClientCallback);
            return;
        }
        exchange.upstreamStartNanos = System.nanoTime();
        super.sendProxyToServerRequest(clientToProxyRequest, proxyToServerRequest, proxyToClientResponse, proxyToClientCallback);
    }

    @Override
    protected org.eclipse.jetty.client.Response.CompleteListener newServerToProxyResponseListener(
            Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest,
            Response proxyToClientResponse, Callback proxyToClientCallback) {
        Exchange exchange = Exchange.of(clientToProxyRequest);
        return new ProxyResponseListener(clientToProxyRequest, proxyToServerRequest, proxyToClientResponse, proxyToClientCallback) {
            @Override
            public void onHeaders(org.eclipse.jetty.client.Response serverToProxyResponse) {
                exchange.upstreamLatencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exchange.upstreamStartNanos);
                HttpFields.Mutable headers = proxyToClientResponse.getHeaders();
                // Kong passes the upstream's Date through; Jetty would add a second one.
                if (serverToProxyResponse.getHeaders().contains(HttpHeader.DATE)) {
                    headers.remove(HttpHeader.DATE);
                }
                super.onHeaders(serverToProxyResponse);
                exchange.applyHeaderFilters(headers);
            }
        };
    }

    @Override
    protected void onServerToProxyResponseFailure(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest,
                                                  org.eclipse.jetty.client.Response serverToProxyResponse,
                                                  Response proxyToClientResponse, Callback proxyToClientCallback, Throwable failure) {
        if (proxyToClientResponse.isCommitted()) {
            // Part of the upstream's response is already with the client: only aborting is honest.
            proxyToClientCallback.failed(failure);
            return;
        }
        Exchange exchange = Exchange.of(clientToProxyRequest);
        proxyToClientResponse.reset();
        exchange.failure = failure;
        ProblemResponses.write(exchange, replyFor(failure), proxyToClientResponse, proxyToClientCallback);
    }

    private static Reply replyFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SizeLimitedRequest.TooLarge) {
                return Reply.problem(413, RequestSizeLimiting.TOO_LARGE);
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return Reply.problem(504, ProblemResponses.TIMEOUT);
            }
        }
        return Reply.problem(502, ProblemResponses.BAD_GATEWAY);
    }
}
