package com.coachway.common.auth;

import io.javalin.security.RouteRole;

import java.util.Locale;
import java.util.Optional;

/**
 * The platform's roles, used as Javalin route roles. Three markers are not roles a user holds:
 * PUBLIC (no token needed), AUTHENTICATED (any valid token) and SERVICE_ONLY (a service token and
 * nothing else). admin passes every role check except SERVICE_ONLY: a route that takes another
 * service's events (finance's /events/*, the audit trail's POST) must not take them from a person,
 * however privileged, or a hand-made event would be booked as if a service had sent it.
 */
public enum Role implements RouteRole {
    ADMIN, MANAGER, SALES_AGENT, DISPATCHER, ACCOUNTANT, DRIVER, CLIENT, VENDOR, SERVICE,
    PUBLIC, AUTHENTICATED, SERVICE_ONLY;

    /** admin, manager, sales_agent, dispatcher, accountant. */
    public static final Role[] STAFF = {ADMIN, MANAGER, SALES_AGENT, DISPATCHER, ACCOUNTANT};

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) {
            if (r != PUBLIC && r != AUTHENTICATED && r != SERVICE_ONLY && r.code().equals(code)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
