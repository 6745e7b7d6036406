package com.coachway.dispatch;

import com.coachway.common.http.Json;
import com.coachway.testkit.RecordingNeighbour;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the parts of charter-service dispatch uses (the real one cannot start here: its
 * module does not depend on ours and the lead is changing it): GET /charters/{id}, GET
 * /charters?from&to (a day by pickup, keyset-paged with next/after), GET /vehicles/{id}, and POST
 * /charters/{id}/status with charter-service's lifecycle (booked → confirmed → in_progress →
 * completed, else 409). testkit's RecordingNeighbour answers every path alike, which these
 * several resources cannot use; this records requests in the same shape. While {@link #down}
 * is set every answer is a 503.
 */
final class FakeCharterService implements AutoCloseable {
    private static final List<String> LIFECYCLE = List.of("booked", "confirmed", "in_progress", "completed");

    private final HttpServer server;
    private final Map<UUID, Map<String, Object>> charters = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, Object>> vehicles = new ConcurrentHashMap<>();
    private final List<RecordingNeighbour.Request> requests = new CopyOnWriteArrayList<>();
    volatile boolean down;

    FakeCharterService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var uri = exchange.getRequestURI();
                var h = exchange.getRequestHeaders();
                requests.add(new RecordingNeighbour.Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                        h.getFirst("Authorization"), h.getFirst("Idempotency-Key"), body));
                if (down) {
                    answer(exchange, 503, problem(503, "down"));
                    return;
                }
                route(exchange, body);
            }
        });
        server.start();
    }

    private void route(HttpExchange exchange, String body) throws IOException {
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (method.equals("GET") && parts.length == 2 && parts[1].equals("charters")) {
            answer(exchange, 200, day(query(exchange.getRequestURI().getRawQuery())));
        } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("charters")) {
            var c = charters.get(id(parts[2]));
            answer(exchange, c == null ? 404 : 200, c == null ? problem(404, "Charter not found") : c);
        } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("vehicles")) {
            var v = vehicles.get(id(parts[2]));
            answer(exchange, v == null ? 404 : 200, v == null ? problem(404, "Vehicle not found") : v);
        } else if (method.equals("POST") && parts.length == 4 && parts[1].equals("charters") && parts[3].equals("status")) {
            var c = charters.get(id(parts[2]));
            if (c == null) {
                answer(exchange, 404, problem(404, "Charter not found"));
                return;
            }
            String to = Json.MAPPER.readTree(body).path("status").asText();
            synchronized (c) {
                String from = (String) c.get("status");
                if (LIFECYCLE.indexOf(to) != LIFECYCLE.indexOf(from) + 1 || LIFECYCLE.indexOf(from) < 0) {
                    answer(exchange, 409, problem(409, "The charter is " + from));
                    return;
                }
                c.put("status", to);
            }
            answer(exchange, 200, c);
        } else {
            answer(exchange, 404, problem(404, "no such path"));
        }
    }

    /** The day's charters by pickup, paged: after is the index of the next item (opaque to the caller). */
    private Map<String, Object> day(Map<String, String> q) {
        String day = q.get("from");
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        int start = q.containsKey("after") ? Integer.parseInt(q.get("after").substring(1)) : 0;
        var all = new ArrayList<>(charters.values().stream()
                .filter(c -> String.valueOf(c.get("pickup_at")).startsWith(day))
                .sorted(Comparator.comparing(c -> OffsetDateTime.parse((String) c.get("pickup_at")).toInstant()))
                .toList());
        var page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        var out = new LinkedHashMap<String, Object>();
        out.put("items", page);
        out.put("total", all.size());
        out.put("limit", limit);
        out.put("offset", 0);
        out.put("next", start + limit < all.size() ? "i" + (start + limit) : null);
        return out;
    }

    /** A charter with {@code vehicles} lines, picked up at {@code pickupAt} (its day is the date written there). */
    UUID charter(String status, String pickupAt, int vehicleLines) {
        UUID id = UUID.randomUUID();
        var lines = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < vehicleLines; i++) {
            var line = new LinkedHashMap<String, Object>();
            line.put("id", UUID.randomUUID().toString());
            line.put("position", i + 1);
            line.put("vehicle_type", "coach");
            line.put("capacity", 56);
            line.put("vehicle_id", null);
            lines.add(line);
        }
        var c = new LinkedHashMap<String, Object>();
        c.put("id", id.toString());
        c.put("reference", "CW-2027-" + String.format("%05d", charters.size() + 1));
        c.put("client_id", UUID.randomUUID().toString());
        c.put("status", status);
        c.put("pickup_at", pickupAt);
        c.put("return_at", null);
        c.put("ends_at", OffsetDateTime.parse(pickupAt).plusHours(8).toString());
        c.put("vehicles", lines);
        c.put("vendor_id", null);
        charters.put(id, java.util.Collections.synchronizedMap(c));
        return id;
    }

    UUID charter(String status) {
        return charter(status, "2027-06-01T08:00:00Z", 1);
    }

    UUID vehicle(String status) {
        UUID id = UUID.randomUUID();
        var v = new LinkedHashMap<String, Object>();
        v.put("id", id.toString());
        v.put("vendor_id", null);
        v.put("vehicle_type", "coach");
        v.put("capacity", 56);
        v.put("status", status);
        v.put("plate", "CW" + (vehicles.size() + 100));
        vehicles.put(id, java.util.Collections.synchronizedMap(v));
        return id;
    }

    String status(UUID charterId) {
        return (String) charters.get(charterId).get("status");
    }

    void setStatus(UUID charterId, String status) {
        charters.get(charterId).put("status", status);
    }

    List<RecordingNeighbour.Request> requests() {
        return List.copyOf(requests);
    }

    void forget() {
        requests.clear();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        synchronized (body) {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        }
        exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, Object> problem(int status, String detail) {
        return Map.of("type", "about:blank", "title", "x", "status", status, "detail", detail, "request_id", "fake");
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static Map<String, String> query(String raw) {
        var out = new LinkedHashMap<String, String>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
