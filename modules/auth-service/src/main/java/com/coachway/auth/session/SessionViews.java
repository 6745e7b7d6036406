package com.coachway.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response shapes of the session endpoints. */
final class SessionViews {
    private SessionViews() {
    }

    record SessionUser(UUID id, String email, String fullName, List<String> roles) {
    }

    record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn, SessionUser user) {
    }

    record ServiceToken(String accessToken, String tokenType, long expiresIn) {
    }

    record Revocation(UUID sessionId, UUID userId, Instant revokedAt) {
    }

    record Revocations(List<Revocation> items, Instant until) {
    }
}
