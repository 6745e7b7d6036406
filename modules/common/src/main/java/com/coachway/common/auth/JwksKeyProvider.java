package com.coachway.common.auth;

import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The public keys auth-service publishes in its JWKS, and only those: every successful fetch
 * <em>replaces</em> the set, so a key taken out of the JWKS (rotated out after a leak) stops being
 * trusted at the next fetch. A fetch happens when the set is older than {@code refreshEvery}
 * (checked when a key is asked for, so an idle service costs nothing) and when a token names an
 * unknown kid (rotation in); attempts, successful or not, are at most one per {@code minRefetch},
 * so a flood of forged kids cannot turn us into a load generator against auth-service. A failed
 * fetch keeps the last good set: while auth-service is down, the tokens it issued still work.
 *
 * <p>Why not {@code com.auth0:jwks-rsa} (it resolves, 0.23.0): its cache is per kid with
 * expire-after-write, so it cannot say "the set is replaced when a fetch succeeds, and kept when
 * it fails" — once an entry expires while auth-service is unreachable, that key is refused and
 * every service refuses every token; it has no clock to inject (its expiry cannot be tested
 * without sleeping), fetches the whole JWKS once per kid, and brings Guava along.
 */
public final class JwksKeyProvider implements RSAKeyProvider {
    private static final Logger log = LoggerFactory.getLogger(JwksKeyProvider.class);
    /** How often the set is refreshed while it is in use. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(60);
    /** The least time between two fetch attempts. */
    public static final Duration MIN_REFETCH = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private record KeySet(Map<String, RSAPublicKey> keys, Instant fetchedAt) {
    }

    private final URI jwksUri;
    private final HttpClient http;
    private final Duration refreshEvery;
    private final Duration minRefetch;
    private final InstantSource clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile KeySet current = new KeySet(Map.of(), null);
    /** When the last fetch was attempted, successful or not; null = never. Guarded by fetching. */
    private Instant lastAttempt;

    public JwksKeyProvider(URI jwksUri) {
        this(jwksUri, MIN_REFETCH);
    }

    public JwksKeyProvider(URI jwksUri, Duration minRefetch) {
        this(jwksUri, minRefetch.compareTo(REFRESH_EVERY) > 0 ? minRefetch : REFRESH_EVERY, minRefetch, InstantSource.system());
    }

    public JwksKeyProvider(URI jwksUri, Duration refreshEvery, Duration minRefetch, InstantSource clock) {
        if (minRefetch.compareTo(refreshEvery) > 0) throw new IllegalArgumentException("minRefetch must not exceed refreshEvery");
        this.jwksUri = jwksUri;
        this.refreshEvery = refreshEvery;
        this.minRefetch = minRefetch;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    @Override
    public RSAPublicKey getPublicKeyById(String keyId) {
        if (keyId == null) return null;
        KeySet set = current;
        if (set.keys().get(keyId) == null) {
            refreshIfAllowed(true);
        } else if (isStale(set)) {
            // a known key need not queue behind a fetch already under way (auth-service may be slow)
            refreshIfAllowed(false);
        }
        return current.keys().get(keyId);
    }

    private boolean isStale(KeySet set) {
        return set.fetchedAt() == null || !clock.instant().isBefore(set.fetchedAt().plus(refreshEvery));
    }

    private void refreshIfAllowed(boolean wait) {
        if (wait) {
            fetching.lock();
        } else if (!fetching.tryLock()) {
            return;
        }
        try {
            Instant now = clock.instant();
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefetch))) return;
            lastAttempt = now;
            fetch(now);
        } finally {
            fetching.unlock();
        }
    }

    /** Fetches the JWKS now, whatever the limits; true if the set was replaced. */
    public boolean refresh() {
        fetching.lock();
        try {
            lastAttempt = clock.instant();
            return fetch(lastAttempt);
        } finally {
            fetching.unlock();
        }
    }

    private boolean fetch(Instant now) {
        try {
            var response = http.send(HttpRequest.newBuilder(jwksUri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("JWKS fetch from {} answered {}; keeping the {} keys known", jwksUri, response.statusCode(), current.keys().size());
                return false;
            }
            JsonNode keys = Json.MAPPER.readTree(response.body()).get("keys");
            if (keys == null || !keys.isArray()) {
                log.warn("JWKS from {} has no keys array; keeping the {} keys known", jwksUri, current.keys().size());
                return false;
            }
            var fresh = new HashMap<String, RSAPublicKey>();
            for (JsonNode jwk : keys) {
                if (!"RSA".equals(jwk.path("kty").asText()) || !jwk.path("kid").isTextual()) continue;
                if (jwk.has("use") && !"sig".equals(jwk.path("use").asText())) continue;
                try {
                    fresh.put(jwk.path("kid").asText(), toKey(jwk));
                } catch (Exception e) {
                    log.warn("JWKS from {}: skipping key {} that is not a valid RSA key", jwksUri, jwk.path("kid").asText());
                }
            }
            Map<String, RSAPublicKey> previous = current.keys();
            current = new KeySet(Map.copyOf(fresh), now);
            if (!previous.keySet().equals(fresh.keySet())) log.info("JWKS keys now {} (were {})", fresh.keySet(), previous.keySet());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("JWKS fetch from {} failed: {}; keeping the {} keys known", jwksUri, e.toString(), current.keys().size());
            return false;
        }
    }

    static RSAPublicKey toKey(JsonNode jwk) throws Exception {
        var decoder = Base64.getUrlDecoder();
        var n = new BigInteger(1, decoder.decode(jwk.path("n").asText()));
        var e = new BigInteger(1, decoder.decode(jwk.path("e").asText()));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return null;
    }

    @Override
    public String getPrivateKeyId() {
        return null;
    }
}
