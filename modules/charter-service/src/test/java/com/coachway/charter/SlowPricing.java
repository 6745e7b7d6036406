package com.coachway.charter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * pricing-service as charter-service reaches it, through a proxy that can be made slow: a request
 * matching {@link #hold} waits up to 15 s (or until {@link #release}) before it goes on to the real
 * pricing-service, as a neighbour under load would answer.
 */
final class SlowPricing implements AutoCloseable {
    private static final long HOLD_SECONDS = 15;
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept", "X-Request-ID");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile URI target;
    private volatile String held = null;
    private volatile String refused = null;
    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    SlowPricing() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::proxy);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where the real pricing-service is (e.g. its route through the gateway). */
    void forwardTo(URI pricing) {
        this.target = pricing;
    }

    /** The next requests whose "METHOD path" starts with {@code request} wait before going on. */
    void hold(String request) {
        arrived = new CountDownLatch(1);
        gate = new CountDownLatch(1);
        held = request;
    }

    /** Blocks until a held request has arrived (false after 20 s). */
    boolean awaitHeld() throws InterruptedException {
        return arrived.await(20, TimeUnit.SECONDS);
    }

    /** The next requests whose "METHOD path" starts with {@code request} are answered 503, as by a neighbour that is down. */
    void refuse(String request) {
        refused = request;
    }

    void stopRefusing() {
        refused = null;
    }

    /** Lets the held requests go on, and holds nothing more. */
    void release() {
        held = null;
        gate.countDown();
    }

    private void proxy(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String refuse = refused;
            if (refuse != null && (method + " " + path).startsWith(refuse)) {
                byte[] problem = "{\"title\":\"Service unavailable\",\"status\":503}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(503, problem.length);
                exchange.getResponseBody().write(problem);
                return;
            }
            String hold = held;
            if (hold != null && (method + " " + path).startsWith(hold)) {
                CountDownLatch g = gate;
                arrived.countDown();
                g.await(HOLD_SECONDS, TimeUnit.SECONDS);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            var request = HttpRequest.newBuilder(URI.create(target + path))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : FORWARDED) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) request.header(h, v);
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) exchange.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        http.close();
    }
}
