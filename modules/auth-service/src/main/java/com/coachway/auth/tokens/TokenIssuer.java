package com.coachway.auth.tokens;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.coachway.common.auth.TokenVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 access tokens. Claims: sub (user id, or a service's client id), roles, email,
 * client_id / vendor_id / driver_id for portal users, sid (the refresh-token family = the
 * session, so a signed-out session's access tokens can be refused), typ "access".
 */
public final class TokenIssuer {
    private final Algorithm algorithm;
    private final Duration accessTtl;
    private final Clock clock;

    public TokenIssuer(RSAKeyProvider keys, Duration accessTtl, Clock clock) {
        this.algorithm = Algorithm.RSA256(keys);
        this.accessTtl = accessTtl;
        this.clock = clock;
    }

    public record UserClaims(UUID userId, String email, List<String> roles,
                             UUID clientId, UUID vendorId, UUID driverId, UUID sessionId) {
    }

    public String forUser(UserClaims user) {
        Instant now = clock.instant();
        var builder = JWT.create()
                .withIssuer(TokenVerifier.ISSUER)
                .withAudience(TokenVerifier.AUDIENCE)
                .withSubject(user.userId().toString())
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(accessTtl))
                .withClaim("typ", "access")
                .withClaim("email", user.email())
                .withClaim("roles", user.roles())
                .withClaim("sid", user.sessionId().toString());
        if (user.clientId() != null) builder.withClaim("client_id", user.clientId().toString());
        if (user.vendorId() != null) builder.withClaim("vendor_id", user.vendorId().toString());
        if (user.driverId() != null) builder.withClaim("driver_id", user.driverId().toString());
        return builder.sign(algorithm);
    }

    public String forService(String clientId) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(TokenVerifier.ISSUER)
                .withAudience(TokenVerifier.AUDIENCE)
                .withSubject(clientId)
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(accessTtl))
                .withClaim("typ", "access")
                .withClaim("roles", List.of("service"))
                .sign(algorithm);
    }

    public long accessTtlSeconds() {
        return accessTtl.toSeconds();
    }
}
