package com.coachway.auth.session;

import java.time.Instant;

/**
 * What presenting a refresh token leads to. A token that was already revoked means it was copied
 * (the rightful holder rotated it, or signed out): the safe answer is to end the whole session.
 */
public final class RefreshRule {
    public enum Outcome { ROTATE, REUSED, EXPIRED, USER_INACTIVE }

    private RefreshRule() {
    }

    public static Outcome decide(Instant revokedAt, Instant expiresAt, boolean userActive, Instant now) {
        if (revokedAt != null) return Outcome.REUSED;
        if (!now.isBefore(expiresAt)) return Outcome.EXPIRED;
        if (!userActive) return Outcome.USER_INACTIVE;
        return Outcome.ROTATE;
    }
}
