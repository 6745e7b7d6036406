package com.coachway.common.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from a verified access token. {@code userId} is null for service tokens
 * (their subject is the service's client id). Portal users carry the record they belong to;
 * {@code sessionId} names the sign-in (refresh-token family) the token came from.
 */
public record Caller(String subject, UUID userId, String email, Set<String> roles,
                     UUID clientId, UUID vendorId, UUID driverId, UUID sessionId, Instant issuedAt) {

    public boolean hasRole(Role role) {
        return roles.contains(role.code());
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    public boolean isService() {
        return hasRole(Role.SERVICE);
    }

    public boolean isStaff() {
        for (Role r : Role.STAFF) if (hasRole(r)) return true;
        return false;
    }
}
