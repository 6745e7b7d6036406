package com.coachway.changemgmt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands between change-mgmt-service and the real charter-service: forwards every request to it
 * unchanged, records what it answered, and lets a test make two things happen at a chosen moment
 * that timing alone would not: something done to the charter just before change-mgmt's next PATCH
 * reaches it (a real concurrent change, so the real charter-service answers the version conflict),
 * and charter-service being down (503 to everything) until it is back.
 */
final class CharterStandIn implements AutoCloseable {
    record Seen(String method, String path, int status) {
    }

    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept", "X-Request-ID", "Idempotency-Key");
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> beforeNextPatch = new AtomicReference<>();
    private volatile URI target;
    private volatile boolean down;

    CharterStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The real charter-service (known only once the platform has started). */
    void forwardTo(URI charterService) {
        target = charterService;
    }

    /** Runs {@code action} once, just before the next PATCH is forwarded. */
    void beforeNextPatch(Runnable action) {
        beforeNextPatch.set(action);
    }

    void down(boolean down) {
        this.down = down;
    }

    /** What was asked since the last call, and answered. */
    List<Seen> drain() {
        var out = List.copyOf(seen);
        seen.removeAll(out);
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (down) {
            answer(exchange, method, path, 503, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"charter-service is down\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("PATCH".equals(method)) {
            Runnable action = beforeNextPatch.getAndSet(null);
            if (action != null) action.run();
        }
        var query = exchange.getRequestURI().getRawQuery();
        var request = HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : FORWARDED) {
            String v = exchange.getRequestHeaders().getFirst(h);
            if (v != null) request.header(h, v);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        answer(exchange, method, path, response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    private void answer(HttpExchange exchange, String method, String path, int status, String contentType, byte[] body) throws IOException {
        seen.add(new Seen(method, path, status));
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
