package com.coachway.common.auth;

import io.javalin.security.RouteRole;

import java.util.Locale;
import java.util.Optional;

/**
 * The platform's roles, used as Javalin route roles. Two markers are not roles a user holds:
 * PUBLIC (no token needed) and AUTHENTICATED (any valid token). admin passes every role check.
 */
public enum Role implements RouteRole {
    ADMIN, MANAGER, SALES_AGENT, DISPATCHER, ACCOUNTANT, DRIVER, CLIENT, VENDOR, SERVICE,
    PUBLIC, AUTHENTICATED;

    /** admin, manager, sales_agent, dispatcher, accountant. */
    public static final Role[] STAFF = {ADMIN, MANAGER, SALES_AGENT, DISPATCHER, ACCOUNTANT};

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) {
            if (r != PUBLIC && r != AUTHENTICATED && r.code().equals(code)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
