package com.coachway.testkit;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for change-mgmt-service's {@code POST /audit-events} in a producer's tests: a
 * {@link RecordingNeighbour} answering 201, read the way the real receiver keeps entries, once per
 * Idempotency-Key (a redelivery is the same entry). The real receiver is tested in its module.
 */
public final class AuditTrailReceiver implements AutoCloseable {
    public static final String PATH = "/audit-events";
    private static final String RECORDED = "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"status\":\"recorded\"}";
    private static final String UNAVAILABLE = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}";

    /** One kept entry: its key (the producer's outbox id), body and whether it came with a bearer token. */
    public record Entry(String key, JsonNode body, boolean bearer) {
        public String action() {
            return body.path("action").asText();
        }
    }

    private final RecordingNeighbour neighbour = new RecordingNeighbour(201, RECORDED);

    public String url() {
        return neighbour.url();
    }

    /** Every POST to /audit-events, refused or not, in arrival order. */
    public List<RecordingNeighbour.Request> requests() {
        return neighbour.requests().stream().filter(r -> r.path().equals(PATH)).toList();
    }

    /** From now on the receiver answers 503 (true) or takes entries again (false). */
    public void unavailable(boolean down) {
        if (down) neighbour.answer(PATH, 503, UNAVAILABLE);
        else neighbour.clearPathAnswers();
    }

    /** The entries kept: the first body under each Idempotency-Key. */
    public List<Entry> entries() {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (var r : requests()) {
            if (r.idempotencyKey() == null || !"POST".equals(r.method())) continue;
            byKey.putIfAbsent(r.idempotencyKey(), new Entry(r.idempotencyKey(), json(r.body()), r.bearer()));
        }
        return new ArrayList<>(byKey.values());
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
        neighbour.close();
    }
}
