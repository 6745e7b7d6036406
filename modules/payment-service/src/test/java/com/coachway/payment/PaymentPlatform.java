package com.coachway.payment;

import com.coachway.auth.AuthService;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.FakeStripe;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service and payment-service on a fresh database behind the gateway; charter-service is a
 * {@link FakeCharters}, Stripe a {@link FakeStripe} reached by the real SDK (unless the platform is
 * started without Stripe), finance-service a {@link RecordingNeighbour} that books every event.
 * Helpers make the records payment tests start from.
 */
final class PaymentPlatform implements AutoCloseable {
    static final String ROUTE = "/api/v1/payments";
    static final String WEBHOOK_SECRET = "whsec_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String TEST_SERVICE_ID = "test-caller";
    private static final String TEST_SERVICE_SECRET = "test-caller-secret-" + UUID.randomUUID();
    private static final String OWN_SECRET = "payment-service-secret-" + UUID.randomUUID();

    final Platform platform;
    final FakeCharters charters = new FakeCharters();
    final FakeStripe stripe = new FakeStripe();
    /** Where the outbox delivers payment.recorded / payment.refunded. */
    final RecordingNeighbour finance = new RecordingNeighbour(200, FINANCE_APPLIED);
    static final String FINANCE_APPLIED = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"status\":\"applied\",\"entry_id\":\""
            + UUID.randomUUID() + "\"}";
    /** change-mgmt-service's /audit-events: where the outbox delivers audit.payment.* entries. */
    final AuditTrailReceiver audit = new AuditTrailReceiver();
    private String serviceToken;

    PaymentPlatform() {
        this(true, Map.of());
    }

    PaymentPlatform(boolean withStripe, Map<String, String> env) {
        var vars = new HashMap<String, String>();
        vars.put("CHARTER_SERVICE_URL", charters.url());
        vars.put("SERVICE_CLIENT_SECRET", OWN_SECRET);
        vars.put("FINANCE_SERVICE_URL", finance.url());
        vars.put("CHANGE_MGMT_SERVICE_URL", audit.url());
        vars.put("OUTBOX_POLL_INTERVAL_MS", "100");
        if (withStripe) {
            vars.put("STRIPE_SECRET_KEY", "sk_test_fake");
            vars.put("STRIPE_API_BASE", stripe.url());
            vars.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        }
        vars.putAll(env);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start, Map.of("SERVICE_CLIENTS",
                        PaymentService.NAME + ":" + OWN_SECRET + "," + TEST_SERVICE_ID + ":" + TEST_SERVICE_SECRET))
                .service("payment-service", ROUTE, PaymentService::start, vars)
                .start();
    }

    RequestSpecification as(String role) {
        return platform.api(ROUTE).auth().oauth2(token(role));
    }

    RequestSpecification rawAs(String role) {
        return platform.raw(ROUTE).auth().oauth2(token(role));
    }

    RequestSpecification asClientUser(UUID clientId) {
        return platform.api(ROUTE).auth().oauth2(platform.portalToken("client", clientId));
    }

    RequestSpecification rawAsClientUser(UUID clientId) {
        return platform.raw(ROUTE).auth().oauth2(platform.portalToken("client", clientId));
    }

    String token(String role) {
        if ("service".equals(role)) {
            if (serviceToken == null) serviceToken = serviceToken();
            return serviceToken;
        }
        return "admin".equals(role) ? platform.adminToken() : platform.token(role);
    }

    private String serviceToken() {
        return platform.clientCredentialsToken(TEST_SERVICE_ID, TEST_SERVICE_SECRET);
    }

    // ---- schedules ----

    static Map<String, Object> scheduleBody(UUID charterId, UUID clientId, String total, String pickupAt, String bookedAt) {
        var body = new LinkedHashMap<String, Object>();
        body.put("charter_id", charterId.toString());
        body.put("client_id", clientId.toString());
        body.put("quote_id", UUID.randomUUID().toString());
        body.put("total", new BigDecimal(total));
        body.put("currency", "USD");
        body.put("pickup_at", pickupAt);
        if (bookedAt != null) body.put("booked_at", bookedAt);
        return body;
    }

    Response openSchedule(Map<String, Object> body, String key) {
        return as("service").header("Idempotency-Key", key).contentType("application/json").body(body).post("/schedules");
    }

    /** A booked charter of {@code clientId} (in the fake charter-service) with its schedule for {@code total}, pickup far ahead. */
    UUID scheduledCharter(UUID clientId, String total) {
        UUID charterId = charters.add(clientId, "booked");
        Response r = openSchedule(scheduleBody(charterId, clientId, total, "2030-06-01T08:00:00-04:00", null), "evt-" + UUID.randomUUID());
        assertEquals(201, r.statusCode(), () -> "opening a schedule failed: " + r.asString());
        return charterId;
    }

    Response schedule(UUID charterId) {
        return as("accountant").queryParam("charter_id", charterId.toString()).get("/schedules");
    }

    // ---- payments ----

    static Map<String, Object> paymentBody(UUID charterId, UUID clientId, String amount, String method) {
        var body = new LinkedHashMap<String, Object>();
        body.put("charter_id", charterId.toString());
        body.put("client_id", clientId.toString());
        body.put("amount", new BigDecimal(amount));
        body.put("method", method);
        body.put("reference", "REF-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("received_at", "2027-03-01T10:00:00Z");
        return body;
    }

    Response pay(UUID charterId, UUID clientId, String amount, String method) {
        return as("accountant").contentType("application/json").body(paymentBody(charterId, clientId, amount, method)).post("/payments");
    }

    String paid(UUID charterId, UUID clientId, String amount) {
        Response r = pay(charterId, clientId, amount, "wire");
        assertEquals(201, r.statusCode(), () -> "recording a payment failed: " + r.asString());
        return r.path("id");
    }

    Response balance(UUID charterId) {
        return as("accountant").get("/balances/" + charterId);
    }

    Response intent(String role, UUID charterId, String amount) {
        return as(role).contentType("application/json").body(Map.of("charter_id", charterId.toString(), "amount", new BigDecimal(amount)))
                .post("/intents");
    }

    // ---- webhooks ----

    /** Stripe's signature header: t=<unix seconds>,v1=hex(HMAC-SHA256(secret, "t.payload")). */
    static String sign(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Response webhook(String payload, String signature) {
        var spec = platform.raw(ROUTE).contentType("application/json; charset=utf-8").body(payload);
        if (signature != null) spec.header("Stripe-Signature", signature);
        return spec.post("/webhooks/stripe");
    }

    Response webhook(String payload) {
        return webhook(payload, sign(payload, Instant.now().getEpochSecond(), WEBHOOK_SECRET));
    }

    static String intentEvent(String eventId, String type, String intentId, UUID paymentId, long amountCents) {
        return """
                {"id":"%s","object":"event","type":"%s","api_version":"2025-09-30.clover","created":%d,
                 "data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"amount_received":%d,"currency":"usd",
                 "status":"%s","metadata":{"payment_id":"%s"},
                 "last_payment_error":%s}}}""".formatted(eventId, type, Instant.now().getEpochSecond(), intentId, amountCents,
                type.endsWith("succeeded") ? amountCents : 0, type.endsWith("succeeded") ? "succeeded" : "requires_payment_method",
                paymentId, type.endsWith("failed") ? "{\"message\":\"Your card was declined.\"}" : "null");
    }

    static String chargeRefundedEvent(String eventId, String intentId, long amountCents, long refundedCents) {
        return """
                {"id":"%s","object":"event","type":"charge.refunded","created":%d,
                 "data":{"object":{"id":"ch_%s","object":"charge","amount":%d,"amount_refunded":%d,"currency":"usd",
                 "paid":true,"status":"succeeded","refunded":%s,"payment_intent":"%s","metadata":{}}}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), intentId, amountCents, refundedCents,
                        refundedCents >= amountCents, intentId);
    }

    // ---- the database, for what the API does not show (outbox rows) ----

    /** Runs a statement straight on the database (e.g. to make a retry due now); returns the rows it changed. */
    int execute(String sql, Object... params) {
        return Rows.execute(platform.databaseUrl(), sql, params);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    /** The outbox row of {@code topic} whose payload has {@code key} = {@code value}, once it is {@code status} (polling, at most 20 s). */
    Map<String, Object> awaitOutbox(String topic, String key, String value, String status) {
        String sql = "select id::text as id, status, attempts, last_error, payload::text as payload from payment.outbox"
                + " where topic = ? and payload->>'" + key + "' = ?";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            var found = rows(sql, topic, value);
            if (found.size() == 1 && status.equals(found.getFirst().get("status"))) return found.getFirst();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox did not reach " + status + " for " + topic + " with " + key + " " + value + ": " + found);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    long count(String table) {
        return platform.count(table);
    }

    /** Every table's row count: what a refused request must leave as it was. */
    Map<String, Long> counts() {
        var out = new LinkedHashMap<String, Long>();
        for (String t : List.of("payment.schedules", "payment.installments", "payment.payments", "payment.refunds",
                "payment.stripe_events", "payment.outbox")) {
            out.put(t, count(t));
        }
        return out;
    }

    @Override
    public void close() {
        platform.close();
        charters.close();
        stripe.close();
        finance.close();
        audit.close();
    }
}
