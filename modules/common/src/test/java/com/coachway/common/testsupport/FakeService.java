package com.coachway.common.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP service on a free port (JDK HttpServer) that records every request and answers
 * with whatever the test's responder returns.
 */
public final class FakeService implements AutoCloseable {
    public record Request(String method, String path, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public record Answer(int status, String contentType, String body, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, 0);
        }

        public static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", body, 0);
        }

        public static Answer text(int status, String body) {
            return new Answer(status, "text/plain", body, 0);
        }

        public static Answer empty(int status) {
            return new Answer(status, null, null, 0);
        }

        public Answer after(long millis) {
            return new Answer(status, contentType, body, millis);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> responder = r -> Answer.empty(404);

    public FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
                var request = new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                requests.add(request);
                Answer answer = responder.apply(request);
                if (answer.delayMillis() > 0) Thread.sleep(answer.delayMillis());
                if (answer.contentType() != null) exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public FakeService answer(Function<Request, Answer> responder) {
        this.responder = responder;
        return this;
    }

    public FakeService answerAlways(Answer answer) {
        return answer(r -> answer);
    }

    /** Forgets recorded requests and answers 404 again, for a server shared by a test class. */
    public void reset() {
        requests.clear();
        responder = r -> Answer.empty(404);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        return requests.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
