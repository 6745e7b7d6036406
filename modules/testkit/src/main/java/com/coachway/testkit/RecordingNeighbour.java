package com.coachway.testkit;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for a neighbour service a module's tests cannot start (its module depends on this one):
 * a JDK HTTP server that answers every request with the status and JSON the test sets, and records
 * what it was asked, with which token and Idempotency-Key. The real neighbour is tested end to end
 * in its own module and in the stack's smoke suites.
 */
public final class RecordingNeighbour implements AutoCloseable {
    public record Request(String method, String path, String query, String authorization, String idempotencyKey, String body) {
        public String pathAndQuery() {
            return path + (query == null ? "" : "?" + query);
        }

        public boolean bearer() {
            return authorization != null && authorization.startsWith("Bearer ");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String body;
    private record Answer(int status, String body) {
    }

    /** Answers for paths starting with a prefix; the longest matching prefix wins, else the default. */
    private final java.util.Map<String, Answer> byPrefix = new java.util.concurrent.ConcurrentHashMap<>();

    public RecordingNeighbour(int status, String body) {
        this.status = status;
        this.body = body;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                var uri = exchange.getRequestURI();
                var headers = exchange.getRequestHeaders();
                requests.add(new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                        headers.getFirst("Authorization"), headers.getFirst("Idempotency-Key"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Answer answer = answerFor(uri.getRawPath());
                int answerStatus = answer.status();
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", answerStatus < 300 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(answerStatus, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    /** From now on every request gets this answer; what was recorded so far is forgotten. */
    public void answer(int status, String body) {
        this.status = status;
        this.body = body;
        requests.clear();
    }

    /**
     * From now on requests whose path starts with {@code pathPrefix} get this answer (the longest
     * matching prefix wins; other paths keep the default of {@link #answer(int, String)}). What was
     * recorded so far is kept.
     */
    public void answer(String pathPrefix, int status, String body) {
        byPrefix.put(pathPrefix, new Answer(status, body));
    }

    /** Forgets every per-path answer. */
    public void clearPathAnswers() {
        byPrefix.clear();
    }

    private Answer answerFor(String path) {
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        Answer a = best == null ? null : byPrefix.get(best);
        return a != null ? a : new Answer(status, body);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
