package com.coachway.common.auth;

import com.coachway.common.testsupport.TestKeys;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correctly signed is not enough: a token the revocation model cannot end is refused. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenVerifierTest {
    private static final TestKeys KEY = TestKeys.generate("kid-1");
    private final TokenVerifier verifier = new TokenVerifier(KEY.provider());

    private boolean accepted(String token) {
        return verifier.verify(token).isPresent();
    }

    @Test
    void user_and_service_tokens_as_auth_service_issues_them_are_accepted() {
        var user = verifier.verify(KEY.userToken("dispatcher")).orElseThrow();
        assertTrue(user.hasRole(Role.DISPATCHER));
        assertTrue(user.sessionId() != null);

        var service = verifier.verify(KEY.sign(KEY.serviceClaims("charter-service"))).orElseThrow();
        assertTrue(service.isService());
        assertEquals("charter-service", service.subject());
    }

    @Test
    void a_lifetime_of_exactly_the_revocation_memory_is_accepted() {
        Instant now = Instant.now();
        assertEquals(Duration.ofMinutes(20), TokenVerifier.MAX_LIFETIME);
        assertTrue(accepted(KEY.sign(KEY.userClaims("admin").withIssuedAt(now).withExpiresAt(now.plus(TokenVerifier.MAX_LIFETIME)))));
    }

    @Test
    void a_token_without_exp_is_refused() {
        assertFalse(accepted(KEY.sign(KEY.userClaims("admin").withExpiresAt((Instant) null))));
        assertFalse(accepted(KEY.sign(KEY.serviceClaims("charter-service").withExpiresAt((Instant) null))));
    }

    @Test
    void a_token_without_iat_is_refused() {
        assertFalse(accepted(KEY.sign(KEY.userClaims("admin").withIssuedAt((Instant) null))));
        assertFalse(accepted(KEY.sign(KEY.serviceClaims("charter-service").withIssuedAt((Instant) null))));
    }

    @Test
    void a_lifetime_longer_than_the_revocation_memory_is_refused() {
        Instant now = Instant.now();
        var longer = TokenVerifier.MAX_LIFETIME.plusSeconds(1);
        assertFalse(accepted(KEY.sign(KEY.userClaims("admin").withIssuedAt(now).withExpiresAt(now.plus(longer)))));
        assertFalse(accepted(KEY.sign(KEY.serviceClaims("charter-service").withIssuedAt(now).withExpiresAt(now.plus(longer)))));
        // issued in the past so that it is within 20 minutes of its end, but still made to live longer
        assertFalse(accepted(KEY.sign(KEY.userClaims("admin").withIssuedAt(now.minus(Duration.ofHours(2))).withExpiresAt(now.plusSeconds(60)))));
    }

    @Test
    void a_user_token_without_a_session_id_is_refused() {
        assertFalse(accepted(KEY.sign(KEY.userClaims("admin").withClaim("sid", (String) null))));
        assertFalse(accepted(KEY.sign(KEY.userClaims("client").withClaim("sid", "not-a-uuid"))));
    }
}
