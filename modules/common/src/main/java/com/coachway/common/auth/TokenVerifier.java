package com.coachway.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.coachway.common.http.Ids;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies CoachWay access tokens: RS256 only (an alg:none or HS256 token fails), our issuer,
 * type "access", unexpired. Keys come from a {@link RSAKeyProvider} — the JWKS of auth-service
 * for every other service, the in-process key for auth-service itself.
 *
 * <p>Revocation works only if every token ends soon and names its session: services remember an
 * ended session for {@link RevokedSessions#RETENTION}, so a token must carry {@code iat} and
 * {@code exp} no further apart than that, and a user token (one without the "service" role)
 * must carry {@code sid}. A correctly signed token without them is refused like any bad token.
 */
public final class TokenVerifier {
    public static final String ISSUER = "coachway-auth";
    public static final String AUDIENCE = "coachway";
    /** The longest lifetime (exp − iat) accepted: no longer than an ended session is remembered. */
    public static final Duration MAX_LIFETIME = RevokedSessions.RETENTION;

    private final JWTVerifier verifier;

    public TokenVerifier(RSAKeyProvider keys) {
        this.verifier = JWT.require(Algorithm.RSA256(keys))
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaim("typ", "access")
                .acceptLeeway(5)
                .build();
    }

    /** The verifier every service but auth uses: keys from auth-service's JWKS at AUTH_JWKS_URL. */
    public static TokenVerifier fromConfig(com.coachway.common.config.Config config) {
        var jwks = config.uri("AUTH_JWKS_URL", "http://localhost:8002/.well-known/jwks.json");
        return new TokenVerifier(new JwksKeyProvider(jwks));
    }

    /** The caller, or empty for any token that is not one of ours, valid now. */
    public Optional<Caller> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            List<String> roles = jwt.getClaim("roles").asList(String.class);
            Set<String> roleSet = roles == null ? Set.of() : Set.copyOf(new HashSet<>(roles));
            if (!revocable(jwt, roleSet.contains("service"))) return Optional.empty();
            return Optional.of(new Caller(
                    jwt.getSubject(),
                    roleSet.contains("service") ? null : Ids.parse(jwt.getSubject()),
                    jwt.getClaim("email").asString(),
                    roleSet,
                    Ids.parse(jwt.getClaim("client_id").asString()),
                    Ids.parse(jwt.getClaim("vendor_id").asString()),
                    Ids.parse(jwt.getClaim("driver_id").asString()),
                    Ids.parse(jwt.getClaim("sid").asString()),
                    jwt.getIssuedAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean revocable(DecodedJWT jwt, boolean service) {
        Instant issued = jwt.getIssuedAtAsInstant();
        Instant expires = jwt.getExpiresAtAsInstant();
        if (issued == null || expires == null) return false;
        if (Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0) return false;
        return service || Ids.parse(jwt.getClaim("sid").asString()) != null;
    }
}
