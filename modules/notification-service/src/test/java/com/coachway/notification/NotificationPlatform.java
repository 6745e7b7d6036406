package com.coachway.notification;

import com.coachway.auth.AuthService;
import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.testkit.Platform;
import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth- and notification-service on a fresh database behind the gateway, with a worker that
 * polls every 20 ms and backs off 10 ms × 2^n, so the real worker runs a whole retry story in
 * well under a second. With fakes, the real SendGrid and Twilio SDKs talk to them; without, the
 * log provider sends. The notification-service instance can be stopped and started again on the
 * same port, database and configuration, as a restart would.
 */
final class NotificationPlatform implements AutoCloseable {
    static final String ROUTE = "/api/v1/notifications";
    /** A service client auth-service knows, so tests call as charter-service does. */
    static final String SERVICE_ID = "charter-service";
    static final String SERVICE_SECRET = "charter-test-secret-0123456789";
    /** notification-service's own credentials (it polls auth-service for ended sessions with them). */
    private static final String OWN_SECRET = "notification-test-secret-0123456789";

    final Platform platform;
    private String serviceToken;
    private final AtomicReference<Config> config = new AtomicReference<>();
    private final AtomicReference<RunningService> service = new AtomicReference<>();
    private final AtomicReference<RunningService> first = new AtomicReference<>();

    /** With the log provider. */
    NotificationPlatform() {
        this(null, null, Map.of());
    }

    NotificationPlatform(FakeSendGrid sendGrid, FakeTwilio twilio, Map<String, String> more) {
        var env = new HashMap<String, String>(Map.of(
                "NOTIFY_POLL_INTERVAL_MS", "20", "NOTIFY_BACKOFF_BASE_MS", "10", "NOTIFY_BACKOFF_JITTER_PCT", "0"));
        if (sendGrid != null) {
            env.putAll(Map.of("SENDGRID_API_KEY", FakeSendGrid.API_KEY, "SENDGRID_API_URL", sendGrid.uri().toString(),
                    "SENDGRID_FROM_EMAIL", "bookings@coachway.example"));
        }
        if (twilio != null) {
            env.putAll(Map.of("TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID, "TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                    "TWILIO_FROM", FakeTwilio.FROM, "TWILIO_API_URL", twilio.uri().toString()));
        }
        env.putAll(Map.of("SERVICE_CLIENT_ID", "notification-service", "SERVICE_CLIENT_SECRET", OWN_SECRET));
        env.putAll(more);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start,
                        Map.of("SERVICE_CLIENTS", SERVICE_ID + ":" + SERVICE_SECRET + ",notification-service:" + OWN_SECRET))
                .service("notification-service", ROUTE, c -> {
                    config.set(c);
                    service.set(NotificationService.start(c));
                    first.set(service.get());
                    return service.get();
                }, env)
                .start();
    }

    RequestSpecification as(String role) {
        return platform.api(ROUTE).auth().oauth2(token(role));
    }

    RequestSpecification rawAs(String role) {
        return platform.raw(ROUTE).auth().oauth2(token(role));
    }

    /** A staff user's token, or for "service" a client-credentials token obtained the way charter-service obtains it. */
    String token(String role) {
        if (!"service".equals(role)) return platform.token(role);
        synchronized (this) {
            if (serviceToken == null) serviceToken = platform.clientCredentialsToken(SERVICE_ID, SERVICE_SECRET);
            return serviceToken;
        }
    }

    /** Queues {@code body} as a sales agent; answers the new message's id. */
    String queue(Map<String, Object> body) {
        Response r = as("sales_agent").contentType("application/json").body(body).post("/notifications");
        assertEquals(202, r.statusCode(), r::asString);
        return r.path("id");
    }

    static Map<String, Object> email(String to, String subject, String body) {
        return Map.of("channel", "email", "to", to, "subject", subject, "body", body);
    }

    static Map<String, Object> sms(String to, String body) {
        return Map.of("channel", "sms", "to", to, "body", body);
    }

    Response get(String id) {
        return as("sales_agent").get("/notifications/" + id);
    }

    /** Waits (polling, at most 20 s) until the message is in {@code status}; answers it. */
    Response awaitStatus(String id, String status) {
        await(() -> status.equals(get(id).path("status")), () -> "notification " + id + " never became " + status + ": " + get(id).asString());
        return get(id);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(failure.get());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    long count(String table) {
        return platform.count(table);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    int execute(String sql, Object... params) {
        return Rows.execute(platform.databaseUrl(), sql, params);
    }

    /** The running notification-service (to stop it as a deploy would). */
    RunningService service() {
        return service.get();
    }

    /** Starts notification-service again, as after a restart: same port, database and configuration. */
    void startAgain() {
        service.set(NotificationService.start(config.get()));
    }

    @Override
    public void close() {
        // an instance started again is not the platform's (the platform closes the first one)
        RunningService current = service.get();
        if (current != null && current != first.get()) current.close();
        platform.close();
    }
}
