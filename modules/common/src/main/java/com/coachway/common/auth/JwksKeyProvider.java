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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public keys from auth-service's JWKS, cached by kid. An unknown kid triggers a refetch (key
 * rotation), but at most once per {@code minRefetch}, so a flood of forged kids cannot turn us
 * into a load generator against auth-service.
 */
public final class JwksKeyProvider implements RSAKeyProvider {
    private static final Logger log = LoggerFactory.getLogger(JwksKeyProvider.class);

    private final URI jwksUri;
    private final HttpClient http;
    private final Duration minRefetch;
    private final Map<String, RSAPublicKey> keys = new ConcurrentHashMap<>();
    /** When the last fetch was attempted, successful or not; 0 = never. */
    private volatile long lastAttemptNanos;

    public JwksKeyProvider(URI jwksUri, Duration minRefetch) {
        this.jwksUri = jwksUri;
        this.minRefetch = minRefetch;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public RSAPublicKey getPublicKeyById(String keyId) {
        if (keyId == null) return null;
        RSAPublicKey key = keys.get(keyId);
        if (key == null && mayRefetch()) {
            refresh();
            key = keys.get(keyId);
        }
        return key;
    }

    // Attempts are limited whether they succeed or not: while auth-service is down, requests with
    // unknown kids must not each wait on a connection attempt.
    private boolean mayRefetch() {
        return lastAttemptNanos == 0 || System.nanoTime() - lastAttemptNanos > minRefetch.toNanos();
    }

    private synchronized void refresh() {
        if (!mayRefetch()) return;
        lastAttemptNanos = System.nanoTime();
        try {
            var response = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("JWKS fetch from {} answered {}", jwksUri, response.statusCode());
                return;
            }
            JsonNode doc = Json.MAPPER.readTree(response.body());
            for (JsonNode jwk : doc.path("keys")) {
                if (!"RSA".equals(jwk.path("kty").asText())) continue;
                keys.put(jwk.path("kid").asText(), toKey(jwk));
            }
        } catch (Exception e) {
            log.warn("JWKS fetch from {} failed: {}", jwksUri, e.toString());
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
