package com.coachway.common.testsupport;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.http.Json;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An RS256 signing key with a kid, as auth-service has one: its JWK and tokens signed with it. */
public record TestKeys(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    public static TestKeys generate(String kid) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new TestKeys(kid, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> jwk() {
        var jwk = new LinkedHashMap<String, Object>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64(publicKey.getModulus()));
        jwk.put("e", b64(publicKey.getPublicExponent()));
        return jwk;
    }

    /** A JWKS document holding these keys. */
    public static String jwks(TestKeys... keys) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("keys", Arrays.stream(keys).map(TestKeys::jwk).toList()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a user access token as auth-service issues it: 15 minutes, with a session id. */
    public JWTCreator.Builder userClaims(String role) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(kid).withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject(UUID.randomUUID().toString()).withIssuedAt(now).withExpiresAt(now.plus(Duration.ofMinutes(15)))
                .withClaim("typ", "access").withClaim("roles", List.of(role)).withClaim("sid", UUID.randomUUID().toString());
    }

    /** The claims of a service token as auth-service issues it: 15 minutes, role service, no session. */
    public JWTCreator.Builder serviceClaims(String clientId) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(kid).withIssuer(TokenVerifier.ISSUER).withAudience(TokenVerifier.AUDIENCE)
                .withSubject(clientId).withIssuedAt(now).withExpiresAt(now.plus(Duration.ofMinutes(15)))
                .withClaim("typ", "access").withClaim("roles", List.of("service"));
    }

    public String sign(JWTCreator.Builder claims) {
        return claims.sign(Algorithm.RSA256(provider()));
    }

    public String userToken(String role) {
        return sign(userClaims(role));
    }

    /** Provides only this key, as auth-service's own verifier does. */
    public RSAKeyProvider provider() {
        return new RSAKeyProvider() {
            @Override
            public RSAPublicKey getPublicKeyById(String keyId) {
                return kid.equals(keyId) ? publicKey : null;
            }

            @Override
            public RSAPrivateKey getPrivateKey() {
                return privateKey;
            }

            @Override
            public String getPrivateKeyId() {
                return kid;
            }
        };
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
