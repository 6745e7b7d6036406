package com.coachway.auth.users;

import java.util.List;
import java.util.UUID;

/**
 * A PATCH of a user as read from the request. A null field was absent and keeps its value; the
 * portal links may also be cleared by an explicit null, so for them the request says whether they
 * were given at all.
 */
public record UserChange(String email, String fullName, String password, List<String> roles, Boolean active,
                         boolean clientIdGiven, UUID clientId,
                         boolean vendorIdGiven, UUID vendorId,
                         boolean driverIdGiven, UUID driverId) {

    List<String> rolesAfter(User before) {
        return roles != null ? roles : before.roles();
    }

    boolean activeAfter(User before) {
        return active != null ? active : before.active();
    }

    UUID clientIdAfter(User before) {
        return clientIdGiven ? clientId : before.clientId();
    }

    UUID vendorIdAfter(User before) {
        return vendorIdGiven ? vendorId : before.vendorId();
    }

    UUID driverIdAfter(User before) {
        return driverIdGiven ? driverId : before.driverId();
    }

    /** Whether the change names other roles than the user has (in any order). */
    boolean changesRoles(User before) {
        return roles != null && !roles.stream().sorted().toList().equals(before.roles());
    }
}
