package com.coachway.common.client;

import com.coachway.common.config.Config;
import com.coachway.common.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * This service's own access token (role {@code service}), obtained from auth-service with the
 * OAuth2 client-credentials grant and cached until shortly before it expires. Give it to a
 * {@link ServiceClient} as its token supplier.
 *
 * <p>Thread-safe: while a token is valid, {@link #get()} is a volatile read; when one is needed,
 * exactly one thread fetches it and the others wait for that result instead of fetching too.
 */
public final class ServiceTokens implements Supplier<String> {
    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);
    /** After a failed fetch, callers fail fast for this long instead of queueing on a dead auth-service. */
    private static final Duration FAILURE_COOLDOWN = Duration.ofSeconds(1);

    private final ServiceClient auth;
    private final String clientId;
    private final String clientSecret;
    private final InstantSource clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Token current;
    private ServiceCallException lastFailure;
    private Instant lastFailureAt;

    private record Token(String value, Instant refreshAt, Instant expiresAt) {
    }

    record TokenAnswer(String accessToken, String tokenType, Long expiresIn) {
    }

    /** {@code authUrl} is auth-service's base URL; the token endpoint is {@code {authUrl}/token}. */
    public ServiceTokens(URI authUrl, String clientId, String clientSecret) {
        this(authUrl, clientId, clientSecret, InstantSource.system());
    }

    ServiceTokens(URI authUrl, String clientId, String clientSecret, InstantSource clock) {
        this.auth = ServiceClient.builder("auth-service", authUrl)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.clock = clock;
    }

    /** AUTH_URL (default http://localhost:8002), SERVICE_CLIENT_ID (default the service's name), SERVICE_CLIENT_SECRET. */
    public static ServiceTokens fromConfig(Config config, String serviceName) {
        return new ServiceTokens(ServiceUrls.of(config, "auth-service"),
                config.string("SERVICE_CLIENT_ID", serviceName),
                config.required("SERVICE_CLIENT_SECRET"));
    }

    /**
     * A valid service token. Throws a 503 {@link ServiceCallException} when auth-service cannot
     * give one and the cached one (if any) has expired.
     */
    @Override
    public String get() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.refreshAt())) return token.value();
        fetching.lock();
        try {
            token = current;
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.refreshAt())) return token.value();
            if (lastFailure != null && now.isBefore(lastFailureAt.plus(FAILURE_COOLDOWN))) {
                return stillValidOr(token, now, lastFailure);
            }
            try {
                token = fetch(now);
                current = token;
                lastFailure = null;
                return token.value();
            } catch (ServiceCallException e) {
                lastFailure = e;
                lastFailureAt = now;
                return stillValidOr(token, now, e);
            }
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Forget {@code rejected} (a service answered 401 to it: revoked, or signed with a retired
     * key) so the next {@link #get()} fetches a new one. A token already replaced stays replaced.
     */
    public void invalidate(String rejected) {
        fetching.lock();
        try {
            Token token = current;
            if (token != null && token.value().equals(rejected)) current = null;
        } finally {
            fetching.unlock();
        }
    }

    private static String stillValidOr(Token token, Instant now, ServiceCallException failure) {
        if (token != null && now.isBefore(token.expiresAt())) {
            log.warn("Could not refresh the service token ({}); using the current one until it expires", failure.detail());
            return token.value();
        }
        throw failure;
    }

    private Token fetch(Instant now) {
        TokenAnswer answer;
        try {
            answer = auth.post("/token", Map.of(
                    "grant_type", "client_credentials",
                    "client_id", clientId,
                    "client_secret", clientSecret), TokenAnswer.class);
        } catch (ServiceCallException e) {
            if (e.isUnavailable()) throw unavailable("auth-service is unavailable (" + e.detail() + ")", e);
            log.error("auth-service refused the client credentials of {} ({}: {})", clientId, e.status(), e.detail());
            throw unavailable("auth-service refused the client credentials of " + clientId + " (" + e.status() + ")", e);
        }
        if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()
                || !"bearer".equalsIgnoreCase(answer.tokenType())
                || answer.expiresIn() == null || answer.expiresIn() <= 0) {
            throw unavailable("auth-service answered /token without a bearer access_token and a positive expires_in", null);
        }
        long lifetime = answer.expiresIn();
        // Refresh a minute early, but never sooner than half-way through a short-lived token.
        long refreshAfter = Math.max(lifetime - REFRESH_BEFORE_EXPIRY.toSeconds(), lifetime / 2);
        return new Token(answer.accessToken(), now.plusSeconds(refreshAfter), now.plusSeconds(lifetime));
    }

    private static ServiceCallException unavailable(String detail, ServiceCallException cause) {
        return new ServiceCallException("auth-service", "POST", "/token", 503, Problems.UNAVAILABLE,
                "Service unavailable", "No service token: " + detail, null,
                cause != null && cause.connectionFailed(), cause);
    }

    @Override
    public String toString() {
        return "ServiceTokens[" + clientId + "]";
    }
}
