package com.coachway.client;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for charter-service (whose module depends on ours, so it cannot run in our tests): a JDK
 * HTTP server that answers every request with the status and JSON the test sets, and records what it
 * was asked and with which Authorization header.
 */
final class FakeCharterService implements AutoCloseable {
    record Request(String method, String pathAndQuery, String authorization) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = charterPage(0);

    FakeCharterService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                var uri = exchange.getRequestURI();
                requests.add(new Request(exchange.getRequestMethod(),
                        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    /** The list envelope charter-service answers GET /charters with. */
    static String charterPage(long total) {
        return "{\"items\":[],\"total\":" + total + ",\"limit\":1,\"offset\":0}";
    }

    void answer(int status, String body) {
        this.status = status;
        this.body = body;
        requests.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
