package com.coachway.testkit;

import com.coachway.common.http.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for api.stripe.com, speaking its wire format to the real stripe-java SDK: form-encoded
 * requests (metadata[payment_id]=…), JSON answers, Stripe's error envelope, and its idempotency:
 * a request repeated with an Idempotency-Key gets the first answer again. Records every request.
 *
 * <p>Tests start one per platform; {@code main} serves one on a fixed port for the smoke suites'
 * stack (scripts/test), so a card payment can be started and settled by a signed webhook there too.
 */
public final class FakeStripe implements AutoCloseable {
    public record Request(String method, String path, Map<String, String> form, String idempotencyKey, String authorization) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> answersByKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> intents = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** When set, refunds are refused with this message (a 400 invalid_request_error). */
    public volatile String refuseRefunds;

    public FakeStripe() {
        this(0);
    }

    public FakeStripe(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    public int intentsCreated() {
        return intents.size();
    }

    /** {@code FakeStripe <port>}: serves until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        var stripe = new FakeStripe(Integer.parseInt(args[0]));
        System.out.println("fake Stripe on " + stripe.url());
        Thread.currentThread().join();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            var form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Request(method, path, form, key, exchange.getRequestHeaders().getFirst("Authorization")));
            int status = 200;
            String body;
            String stored = key == null ? null : answersByKey.get(method + " " + path + " " + key);
            if (stored != null) {
                body = stored;
            } else if (method.equals("POST") && path.equals("/v1/payment_intents")) {
                body = createIntent(form);
            } else if (method.equals("GET") && path.startsWith("/v1/payment_intents/")) {
                var pi = intents.get(path.substring("/v1/payment_intents/".length()));
                if (pi == null) {
                    status = 404;
                    body = error("No such payment_intent");
                } else {
                    body = Json.MAPPER.writeValueAsString(pi);
                }
            } else if (method.equals("POST") && path.equals("/v1/refunds")) {
                if (refuseRefunds != null) {
                    status = 400;
                    body = error(refuseRefunds);
                } else {
                    body = refund(form);
                }
            } else {
                status = 404;
                body = error("Unrecognized request URL (" + method + ": " + path + ")");
            }
            if (key != null && status == 200) answersByKey.putIfAbsent(method + " " + path + " " + key, body);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + ids.incrementAndGet());
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private String createIntent(Map<String, String> form) throws IOException {
        String id = "pi_fake" + ids.incrementAndGet();
        var pi = new LinkedHashMap<String, Object>();
        pi.put("id", id);
        pi.put("object", "payment_intent");
        pi.put("amount", Long.parseLong(form.get("amount")));
        pi.put("currency", form.get("currency"));
        pi.put("status", "requires_payment_method");
        pi.put("client_secret", id + "_secret_" + ids.incrementAndGet());
        pi.put("livemode", false);
        pi.put("metadata", metadata(form));
        intents.put(id, pi);
        return Json.MAPPER.writeValueAsString(pi);
    }

    private String refund(Map<String, String> form) throws IOException {
        var r = new LinkedHashMap<String, Object>();
        r.put("id", "re_fake" + ids.incrementAndGet());
        r.put("object", "refund");
        r.put("amount", Long.parseLong(form.get("amount")));
        r.put("currency", "usd");
        r.put("payment_intent", form.get("payment_intent"));
        r.put("status", "succeeded");
        r.put("metadata", metadata(form));
        return Json.MAPPER.writeValueAsString(r);
    }

    private static Map<String, String> metadata(Map<String, String> form) {
        var m = new LinkedHashMap<String, String>();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) m.put(k.substring(9, k.length() - 1), v);
        });
        return m;
    }

    private static String error(String message) throws IOException {
        return Json.MAPPER.writeValueAsString(Map.of("error", Map.of("type", "invalid_request_error", "message", message)));
    }

    private static Map<String, String> parse(String form) {
        var out = new LinkedHashMap<String, String>();
        if (form.isEmpty()) return out;
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
