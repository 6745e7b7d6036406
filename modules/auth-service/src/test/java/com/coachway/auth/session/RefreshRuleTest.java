package com.coachway.auth.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.coachway.auth.session.RefreshRule.Outcome.EXPIRED;
import static com.coachway.auth.session.RefreshRule.Outcome.REUSED;
import static com.coachway.auth.session.RefreshRule.Outcome.ROTATE;
import static com.coachway.auth.session.RefreshRule.Outcome.USER_INACTIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RefreshRuleTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void a_live_token_of_an_active_user_rotates() {
        assertEquals(ROTATE, RefreshRule.decide(null, NOW.plusSeconds(1), true, NOW));
    }

    @Test
    void a_revoked_token_is_reuse_even_when_expired_or_the_user_is_gone() {
        assertEquals(REUSED, RefreshRule.decide(NOW.minusSeconds(5), NOW.plusSeconds(100), true, NOW));
        assertEquals(REUSED, RefreshRule.decide(NOW.minusSeconds(5), NOW.minusSeconds(1), false, NOW));
    }

    @Test
    void expiry_is_exclusive_of_the_expiry_instant() {
        assertEquals(EXPIRED, RefreshRule.decide(null, NOW, true, NOW));
        assertEquals(EXPIRED, RefreshRule.decide(null, NOW.minusSeconds(1), false, NOW));
    }

    @Test
    void an_inactive_user_cannot_refresh() {
        assertEquals(USER_INACTIVE, RefreshRule.decide(null, NOW.plusSeconds(60), false, NOW));
    }
}
