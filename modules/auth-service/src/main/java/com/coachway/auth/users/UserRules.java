package com.coachway.auth.users;

import com.coachway.common.http.FieldError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which role sets make a coherent user. A portal user (client, vendor, driver) belongs to exactly
 * one record of its kind and holds no staff role, so its token can never widen its reach; the
 * service role belongs to machine clients, never to people.
 */
public final class UserRules {
    static final Set<String> PORTAL = Set.of("client", "vendor", "driver");

    private UserRules() {
    }

    public static List<FieldError> check(Collection<String> roles, UUID clientId, UUID vendorId, UUID driverId) {
        var errors = new ArrayList<FieldError>();
        if (roles.contains("service")) errors.add(new FieldError("roles", "the service role is for service clients, not users"));
        long portalRoles = roles.stream().filter(PORTAL::contains).count();
        if (portalRoles > 0 && roles.size() > portalRoles) {
            errors.add(new FieldError("roles", "portal roles (client, vendor, driver) cannot be combined with staff roles"));
        }
        if (portalRoles > 1) errors.add(new FieldError("roles", "a portal user has exactly one portal role"));
        requireLink(errors, roles, "client", "client_id", clientId);
        requireLink(errors, roles, "vendor", "vendor_id", vendorId);
        requireLink(errors, roles, "driver", "driver_id", driverId);
        return errors;
    }

    private static void requireLink(List<FieldError> errors, Collection<String> roles, String role, String field, UUID id) {
        if (roles.contains(role) && id == null) errors.add(new FieldError(field, "is required for the " + role + " role"));
        if (!roles.contains(role) && id != null) errors.add(new FieldError(field, "is only for users with the " + role + " role"));
    }

    /** Would this change leave the platform without any active admin? */
    public static boolean removesAdmin(User before, boolean activeAfter, Collection<String> rolesAfter) {
        return before.active() && before.hasRole("admin") && (!activeAfter || !rolesAfter.contains("admin"));
    }
}
