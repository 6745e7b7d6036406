package com.coachway.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's HTTP API on a local port, for its real SDK to talk to: answers are scripted per
 * recipient (the rest succeed), every request is recorded, and deliveries (requests answered
 * with success) are counted per message. Requests can be held until the test lets them go.
 */
abstract class FakeProvider implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) {
    }

    /** One request as the provider saw it. */
    record Seen(String to, String messageKey, Instant at, int status) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Reply> always = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean holding;
    private final java.util.concurrent.LinkedBlockingQueue<CountDownLatch> held = new java.util.concurrent.LinkedBlockingQueue<>();

    FakeProvider(String path) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(path, this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next requests to {@code to} get these answers, in order; then success again. */
    void script(String to, Reply... replies) {
        scripts.put(to, new ArrayDeque<>(List.of(replies)));
    }

    /** Every request to {@code to} gets this answer. */
    void always(String to, Reply reply) {
        always.put(to, reply);
    }

    /** Requests to {@code to} succeed again. */
    void succeed(String to) {
        always.remove(to);
        scripts.remove(to);
    }

    /** From now on each request waits until {@link #releaseNext} lets it go. */
    void hold() {
        holding = true;
    }

    /** Lets the oldest held request go once one has arrived; false if none arrived within 20 s. */
    boolean releaseNext() throws InterruptedException {
        CountDownLatch gate = held.poll(20, TimeUnit.SECONDS);
        if (gate == null) return false;
        gate.countDown();
        return true;
    }

    /** Requests wait no more; those held now go on. */
    void stopHolding() {
        holding = false;
        held.forEach(CountDownLatch::countDown);
    }

    /** Requests answered with success, by message. */
    int deliveriesOf(String messageKey) {
        AtomicInteger n = deliveries.get(messageKey);
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> deliveries() {
        var m = new java.util.HashMap<String, Integer>();
        deliveries.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    List<Seen> seenBy(String to) {
        return seen.stream().filter(s -> s.to().equals(to)).toList();
    }

    String nextId() {
        return String.format("%06d", ids.incrementAndGet());
    }

    /** The recipient and the message key of a request; null when it is not one this fake takes. */
    abstract String[] parse(HttpExchange exchange, String body);

    abstract Reply success(String[] request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String[] request = parse(exchange, body);
            if (request == null) {
                reply(exchange, new Reply(404, Map.of(), "{\"message\":\"not found\"}"));
                return;
            }
            if (holding) {
                var gate = new CountDownLatch(1);
                held.add(gate);
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String to = request[0];
            Reply r = always.get(to);
            if (r == null) {
                Deque<Reply> script = scripts.get(to);
                r = script == null ? null : script.poll();
            }
            if (r == null) r = success(request);
            seen.add(new Seen(to, request[1], Instant.now(), r.status()));
            if (r.status() >= 200 && r.status() < 300) deliveries.computeIfAbsent(request[1], k -> new AtomicInteger()).incrementAndGet();
            reply(exchange, r);
        }
    }

    private static void reply(HttpExchange exchange, Reply r) throws IOException {
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    static Duration gap(Seen first, Seen second) {
        return Duration.between(first.at(), second.at());
    }

    static List<String> lines(List<Seen> seen) {
        var out = new ArrayList<String>();
        seen.forEach(s -> out.add(s.at() + " " + s.status()));
        return out;
    }

    @Override
    public void close() {
        stopHolding();
        server.stop(0);
    }
}
