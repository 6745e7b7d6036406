package com.coachway.testkit;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for change-mgmt-service's {@code POST /audit-events} in a producer's tests, as a
 * {@link RecordingNeighbour} does for other neighbours, but answering as the real receiver does:
 * 201 {@code recorded} the first time a key arrives, 200 {@code duplicate} after (an entry is kept
 * once per Idempotency-Key), or 503 while the test says it is down. It records every request with
 * the status it got. The real receiver is tested in its own module.
 */
public final class AuditTrailReceiver implements AutoCloseable {
    public static final String PATH = "/audit-events";
    private static final String UNAVAILABLE = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}";

    /** One request as it arrived, and the status it was answered. */
    public record Request(String method, String path, String authorization, String idempotencyKey, String body, int status) {
    }

    /** One kept entry: its key (the producer's outbox id), body and whether it came with a bearer token. */
    public record Entry(String key, JsonNode body, boolean bearer) {
        public String action() {
            return body.path("action").asText();
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** The keys taken so far: a second arrival of one is a duplicate. */
    private final java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    public AuditTrailReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                var headers = exchange.getRequestHeaders();
                String key = headers.getFirst("Idempotency-Key");
                String auth = headers.getFirst("Authorization");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getRawPath();
                int status;
                String answer;
                if (!PATH.equals(path) || !"POST".equals(exchange.getRequestMethod())) {
                    status = 404;
                    answer = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}";
                } else if (down) {
                    status = 503;
                    answer = UNAVAILABLE;
                } else if (key == null) {
                    status = 400;
                    answer = "{\"type\":\"about:blank\",\"title\":\"Idempotency-Key is required\",\"status\":400}";
                } else {
                    boolean first = taken.add(key);
                    status = first ? 201 : 200;
                    answer = "{\"id\":\"" + key + "\",\"status\":\"" + (first ? "recorded" : "duplicate") + "\"}";
                }
                requests.add(new Request(exchange.getRequestMethod(), path, auth, key, body, status));
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request to /audit-events, taken or refused, in arrival order. */
    public List<Request> requests() {
        return requests.stream().filter(r -> r.path().equals(PATH)).toList();
    }

    /** The statuses the requests under {@code key} were answered, in order. */
    public List<Integer> statuses(String key) {
        return requests().stream().filter(r -> key.equals(r.idempotencyKey())).map(Request::status).toList();
    }

    /** From now on the receiver answers 503 (true) or takes entries again (false). */
    public void unavailable(boolean down) {
        this.down = down;
    }

    /** The entries kept: the body of each request answered 201 (the first taken under its Idempotency-Key). */
    public List<Entry> entries() {
        return requests().stream().filter(r -> r.status() == 201)
                .map(r -> new Entry(r.idempotencyKey(), json(r.body()), r.authorization() != null && r.authorization().startsWith("Bearer ")))
                .toList();
    }

    /** The entries of {@code action} about {@code entityId}. */
    public List<Entry> entries(String action, String entityId) {
        return entries().stream()
                .filter(e -> e.action().equals(action) && e.body().path("entity_id").asText().equals(entityId))
                .toList();
    }

    /** The one entry of {@code action} about {@code entityId}, once it has arrived (at most 20 s); fails on a second. */
    public Entry awaitOne(String action, String entityId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var found = entries(action, entityId);
            if (found.size() > 1) throw new AssertionError("more than one " + action + " entry about " + entityId + ": " + found);
            if (found.size() == 1) return found.getFirst();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + action + " entry about " + entityId + " arrived; the receiver has " + entries());
            }
            pause();
        }
    }

    /** Waits (at most 20 s) until some request has reached the receiver with this key. */
    public void awaitAttempt(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (requests().stream().noneMatch(r -> key.equals(r.idempotencyKey()))) {
            if (System.nanoTime() > deadline) throw new AssertionError("no attempt with key " + key + " reached the receiver");
            pause();
        }
    }

    /** The actor a producer names for the bearer of {@code token}: the user id, or service:<client id>. */
    public static String actorOf(String token) {
        var jwt = com.auth0.jwt.JWT.decode(token);
        var roles = jwt.getClaim("roles").asList(String.class);
        return roles != null && roles.contains("service") ? "service:" + jwt.getSubject() : jwt.getSubject();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
