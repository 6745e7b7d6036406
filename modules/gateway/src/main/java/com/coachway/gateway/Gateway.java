package com.coachway.gateway;

import java.net.URI;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running gateway serving one kong.yml on one port. */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Server server;
    private final ServerConnector connector;

    private Gateway(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * @param upstreams Kong service name or service host (e.g. "auth-service") to the base URI to
     *                  connect to instead of the host and port in kong.yml; the service path is kept.
     *                  A service name wins over a host.
     * @param port      0 for an ephemeral port
     */
    public static Gateway start(KongConfig config, Map<String, URI> upstreams, int port) {
        return start(config, upstreams, port, System::currentTimeMillis);
    }

    /** As {@link #start(KongConfig, Map, int)}, with rate-limit windows counted on {@code clock} (tests fix it). */
    public static Gateway start(KongConfig config, Map<String, URI> upstreams, int port, Clock clock) {
        return start(config, upstreams, port, clock::millis);
    }

    /** @param clock epoch milliseconds, for rate-limit windows (tests move it) */
    static Gateway start(KongConfig config, Map<String, URI> upstreams, int port, LongSupplier clock) {
        Map<Service, Upstream> targets = new IdentityHashMap<>();
        int connectTimeout = 1;
        for (Service service : config.services()) {
            URI override = upstreams.containsKey(service.name()) ? upstreams.get(service.name()) : upstreams.get(service.host());
            targets.put(service, Upstream.of(service, override));
            connectTimeout = Math.max(connectTimeout, service.connectTimeout());
        }
        warnAboutUnusedOverrides(config, upstreams.keySet());

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("gateway");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty's default, stated because the services rely on it: a head past it Jetty refuses
        // itself (414 in the request line, else 431, as problem+json by ProblemErrorHandler);
        // RequestLimits refuses smaller ones that would not fit a service once forwarded.
        http.setRequestHeaderSize(RequestLimits.UPSTREAM_HEAD_BYTES);
        // Kong accepts encoded dots, slashes and empty segments and normalizes them itself (see
        // UpstreamPath); Jetty's default would answer 400. Nothing here maps paths to files.
        http.setUriCompliance(UriCompliance.DEFAULT.with("kong",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        // Kong's (nginx's) client_body_timeout / send_timeout.
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);

        KongProxy proxy = new KongProxy(connectTimeout);
        proxy.setUseServerThreadPool(true);
        GatewayHandler gateway = new GatewayHandler(new Router(config.services()), Plugins.perRoute(config, clock), targets, proxy);
        server.setHandler(new GracefulHandler(gateway));
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("gateway could not start on port " + port + ": " + e.getMessage(), e);
        }
        LOG.atInfo().addKeyValue("port", connector.getLocalPort())
                .addKeyValue("config", config.source())
                .addKeyValue("routes", config.services().stream().mapToInt(s -> s.routes().size()).sum())
                .log("gateway started");
        return new Gateway(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets requests in flight finish (up to 5 s), then stops. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    void join() throws InterruptedException {
        server.join();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("gateway did not stop cleanly: {}", e.toString());
        }
    }

    private static void warnAboutUnusedOverrides(KongConfig config, Set<String> keys) {
        Set<String> known = config.services().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.name(), s.host()))
                .collect(Collectors.toSet());
        keys.stream().filter(k -> !known.contains(k))
                .forEach(k -> LOG.warn("upstream override '{}' matches no service name or host in {}", k, config.source()));
    }
}
