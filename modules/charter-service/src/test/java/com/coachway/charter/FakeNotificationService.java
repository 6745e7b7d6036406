package com.coachway.charter;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * notification-service's {@code POST /notifications} as charter-service reaches it: records what
 * arrives (the bearer token's presence, the Idempotency-Key, the body) and answers 202 {id, status}.
 * The real service is exercised end to end in notification-service's own tests.
 */
final class FakeNotificationService implements AutoCloseable {
    record Received(String idempotencyKey, boolean bearer, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeNotificationService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/notifications", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests whose data names this quote. */
    List<Received> forQuote(String quoteId) {
        return received.stream().filter(r -> quoteId.equals(r.body().path("data").path("quote_id").asText())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"), auth != null && auth.startsWith("Bearer "), body));
            byte[] answer = ("{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
