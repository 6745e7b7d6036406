package com.coachway.auth.users;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it (never with its password hash). */
public record User(UUID id, String email, String fullName, List<String> roles, boolean active,
                   UUID clientId, UUID vendorId, UUID driverId, OffsetDateTime lastLoginAt,
                   int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
