package com.coachway.common.client;

import com.coachway.common.config.Config;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Json;
import com.coachway.common.http.Problems;
import com.coachway.common.http.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Calls another CoachWay service over HTTP with JSON. Every call carries a bearer token (from
 * the token supplier: the service's own {@link ServiceTokens}, or the caller's token via
 * {@link #forwardingCaller}), the current request id, and bounded connect and request timeouts.
 * Non-2xx answers and unreachable services become {@link ServiceCallException}.
 *
 * <pre>{@code
 * var pricing = ServiceClient.builder(config, "pricing-service")
 *         .token(serviceTokens).build();
 * Quote q = pricing.post("/calculate", request, Quote.class);
 * }</pre>
 *
 * Instances are immutable and thread-safe; {@link #withToken} views share one HTTP client.
 */
public final class ServiceClient {
    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String name;
    private final String base;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Supplier<String> token;

    private ServiceClient(String name, String base, HttpClient http, Duration connectTimeout,
                          Duration requestTimeout, Supplier<String> token) {
        this.name = name;
        this.base = base;
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.token = token;
    }

    /** A client for the service called {@code serviceName} (used in errors and logs) at {@code baseUri}. */
    public static Builder builder(String serviceName, URI baseUri) {
        return new Builder(serviceName, baseUri);
    }

    /** A client of the CoachWay service {@code serviceName}, at its {@link ServiceUrls configured URL}. */
    public static Builder builder(Config config, String serviceName) {
        return new Builder(serviceName, ServiceUrls.of(config, serviceName));
    }

    /** The same client, calling with another token (a supplier returning null sends none). */
    public ServiceClient withToken(Supplier<String> token) {
        return new ServiceClient(name, base, http, connectTimeout, requestTimeout, token);
    }

    /**
     * The same client, calling with the bearer token of the request being handled, so the other
     * service applies the end user's roles and ownership rather than ours.
     */
    public ServiceClient forwardingCaller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("A bearer token is required");
        }
        String callerToken = header.substring(7).trim();
        return withToken(() -> callerToken);
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return URI.create(base);
    }

    public <T> T get(String path, Class<T> responseType) {
        return send("GET", path, null, type(responseType), null);
    }

    public <T> T get(String path, TypeReference<T> responseType) {
        return send("GET", path, null, Json.MAPPER.getTypeFactory().constructType(responseType), null);
    }

    public <T> T post(String path, Object body, Class<T> responseType) {
        return send("POST", path, body, type(responseType), null);
    }

    /** A POST the other service may see twice (we retry, an outbox redelivers): it dedupes on the key. */
    public <T> T post(String path, Object body, Class<T> responseType, String idempotencyKey) {
        return send("POST", path, body, type(responseType), idempotencyKey);
    }

    public <T> T put(String path, Object body, Class<T> responseType) {
        return send("PUT", path, body, type(responseType), null);
    }

    public <T> T patch(String path, Object body, Class<T> responseType) {
        return send("PATCH", path, body, type(responseType), null);
    }

    public void delete(String path) {
        send("DELETE", path, null, null, null);
    }

    /**
     * The general form. {@code body} null sends none; {@code responseType} null ignores the
     * answer's body; a 204 or empty body gives null. Unknown fields in the answer are ignored,
     * so a service can add fields without breaking its callers.
     */
    public <T> T send(String method, String path, Object body, JavaType responseType, String idempotencyKey) {
        Objects.requireNonNull(method, "method");
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("path must start with /: " + path);
        URI uri = URI.create(base + path);
        byte[] json = body == null ? null : write(body);
        long started = System.nanoTime();
        String bearer = token == null ? null : token.get();
        HttpResponse<byte[]> response = exchange(method, path, uri, json, bearer, idempotencyKey);
        if (response.statusCode() == 401 && bearer != null && token instanceof ServiceTokens tokens) {
            // Our cached service token may have been revoked or signed with a retired key: get a new one, once.
            tokens.invalidate(bearer);
            response = exchange(method, path, uri, json, tokens.get(), idempotencyKey);
        }
        int status = response.statusCode();
        log.debug("{} {} {} -> {} in {} ms", name, method, path, status, (System.nanoTime() - started) / 1_000_000);
        if (status < 200 || status > 299) throw failure(method, path, response);
        return read(method, path, response, responseType);
    }

    /** Percent-encodes one path segment or query value (spaces as %20), e.g. an email in a lookup. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A list type for {@link #send}, e.g. {@code send("PUT", path, ids, listOf(Item.class), null)}. */
    public static JavaType listOf(Class<?> element) {
        return Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    @Override
    public String toString() {
        return "ServiceClient[" + name + " " + base + "]";
    }

    private HttpResponse<byte[]> exchange(String method, String path, URI uri, byte[] json, String bearer,
                                          String idempotencyKey) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json, " + Problems.CONTENT_TYPE)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        String requestId = RequestIds.current();
        if (requestId != null) request.header(RequestIds.HEADER, requestId);
        if (idempotencyKey != null) request.header(IDEMPOTENCY_KEY, idempotencyKey);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(method, path, "could not connect to " + base + " within " + connectTimeout.toMillis() + " ms", e);
        } catch (HttpTimeoutException e) {
            throw unreachable(method, path, "did not answer within " + requestTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw unreachable(method, path, "is unreachable at " + base + " (connection refused)", e);
        } catch (IOException e) {
            throw unreachable(method, path, "connection failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(method, path, "call was interrupted", e);
        }
    }

    private ServiceCallException unreachable(String method, String path, String what, Exception cause) {
        log.debug("{} {} {} failed: {}", name, method, path, what);
        return new ServiceCallException(name, method, path, 503, Problems.UNAVAILABLE, "Service unavailable",
                name + " " + what, null, true, cause);
    }

    private ServiceCallException failure(String method, String path, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode problem = problemBody(response);
        String type = text(problem, "type");
        String title = text(problem, "title");
        String detail = text(problem, "detail");
        var errors = new ArrayList<FieldError>();
        if (problem != null) {
            for (JsonNode e : problem.path("errors")) {
                errors.add(new FieldError(text(e, "field"), text(e, "message")));
            }
        }
        return new ServiceCallException(name, method, path, status, type, title,
                detail != null ? detail : name + " answered " + status, errors, false, null);
    }

    private <T> T read(String method, String path, HttpResponse<byte[]> response, JavaType type) {
        byte[] body = response.body();
        if (type == null || response.statusCode() == 204 || body == null || body.length == 0) return null;
        try {
            return Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
            log.warn("{} {} {} answered a body we cannot read as {}: {}", name, method, path, type, why);
            throw new ServiceCallException(name, method, path, 502, Problems.UPSTREAM, "Bad gateway",
                    name + " answered with a body that does not match its contract", null, false, e);
        }
    }

    private static JsonNode problemBody(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        if (body == null || body.length == 0 || !contentType.toLowerCase().contains("json")) return null;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.path(field);
        return v.isTextual() ? v.textValue() : null;
    }

    private static byte[] write(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JavaType type(Class<?> c) {
        return c == null || c == Void.class ? null : Json.MAPPER.constructType(c);
    }

    public static final class Builder {
        private final String name;
        private final String base;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Supplier<String> token;

        private Builder(String name, URI baseUri) {
            this.name = Objects.requireNonNull(name, "serviceName");
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || baseUri.getHost() == null) {
                throw new IllegalArgumentException(name + " base URI must be http(s)://host[:port][/prefix], got " + baseUri);
            }
            String s = baseUri.toString();
            this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }

        /** Default 2 s: a service on the same network that takes longer to accept is down. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Default 10 s for the whole answer; the caller's own client is waiting meanwhile. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** Where each call's bearer token comes from, e.g. a {@link ServiceTokens}; none by default. */
        public Builder token(Supplier<String> token) {
            this.token = token;
            return this;
        }

        public ServiceClient build() {
            HttpClient http = HttpClient.newBuilder()
                    // plain HTTP/1.1 inside the platform: no h2c upgrade dance on every first request
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            return new ServiceClient(name, base, http, connectTimeout, requestTimeout, token);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive");
            return d;
        }
    }
}
