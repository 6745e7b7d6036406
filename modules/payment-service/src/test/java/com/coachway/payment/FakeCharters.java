package com.coachway.payment;

import com.coachway.common.http.Json;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for charter-service's GET /charters/{id} (the real one is in BookingFlowTest): the
 * charters a test puts here exist with their client and status; any other id is a 404; while
 * {@link #down} is set every answer is a 503. Records the Authorization of each request.
 */
final class FakeCharters implements AutoCloseable {
    private final HttpServer server;
    private final Map<UUID, Map<String, Object>> charters = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile boolean down;

    FakeCharters() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/charters/", exchange -> {
            try (exchange) {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                String idText = exchange.getRequestURI().getPath().substring("/charters/".length());
                Map<String, Object> charter = null;
                try {
                    charter = charters.get(UUID.fromString(idText));
                } catch (IllegalArgumentException e) {
                    // not an id: not found
                }
                int status = down ? 503 : charter == null ? 404 : 200;
                Object body = status == 200 ? charter
                        : Map.of("type", "about:blank", "title", "x", "status", status, "detail", "test", "request_id", "r");
                byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
                exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    UUID add(UUID clientId, String status) {
        UUID id = UUID.randomUUID();
        put(id, clientId, status);
        return id;
    }

    void put(UUID id, UUID clientId, String status) {
        charters.put(id, Map.of("id", id.toString(), "client_id", clientId.toString(), "status", status,
                "reference", "CW-2027-" + Math.abs(id.hashCode() % 100000)));
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
