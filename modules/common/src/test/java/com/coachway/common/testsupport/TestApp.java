package com.coachway.common.testsupport;

import com.coachway.common.auth.JwksKeyProvider;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.http.Json;
import com.coachway.common.http.ServiceApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** A real ServiceApp on a free port with the test's routes, and a plain HTTP client to drive it. */
public final class TestApp implements AutoCloseable {
    public record Reply(int status, String contentType, JsonNode json) {
    }

    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public TestApp(Consumer<RoutesConfig> routes) {
        this(app -> { }, routes);
    }

    /** With more of the app's setup, e.g. {@code app -> app.openApiFrom(SomeTest.class)}. */
    public TestApp(Consumer<ServiceApp> setup, Consumer<RoutesConfig> routes) {
        // Only PUBLIC routes are used, so the key provider is never asked for a key.
        var verifier = new TokenVerifier(new JwksKeyProvider(URI.create("http://127.0.0.1:9/jwks.json"), Duration.ofMinutes(1)));
        ServiceApp service = ServiceApp.named("test-service").auth(verifier).routes(routes);
        setup.accept(service);
        this.app = service.build().start(0);
    }

    public Reply get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), headers);
    }

    public Reply post(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** http://127.0.0.1:port, for tests that need their own client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    private Reply send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) request.headers(headers);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : Json.MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
