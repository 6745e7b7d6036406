package com.coachway.charter.access;

import com.coachway.common.auth.Role;

import java.util.Arrays;
import java.util.stream.Stream;

/** Who may do what here (admin passes every check). */
public final class Roles {
    /** Reading charters, quotes and history: staff, services, and client users (their own only). */
    public static final Role[] READ_CHARTERS = with(Role.STAFF, Role.CLIENT, Role.SERVICE);
    /** Selling and running charters: creating, changing, pricing, sending quotes, moving the lifecycle. */
    public static final Role[] WRITE_CHARTERS = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER};
    /** A quote's answer: the sellers, or the client user whose quote it is. */
    public static final Role[] ANSWER_QUOTES = with(WRITE_CHARTERS, Role.CLIENT);
    /** Changing a charter: the sellers, and services (change-mgmt-service applies an approved change case after its commit). */
    public static final Role[] CHANGE_CHARTERS = with(WRITE_CHARTERS, Role.SERVICE);
    /** Moving the lifecycle: the sellers, and services (dispatch-service reports a trip departed or completed). */
    public static final Role[] MOVE_CHARTERS = with(WRITE_CHARTERS, Role.SERVICE);
    /** Recording an awarded bid (vendor-service after its award commits, or staff by hand). */
    public static final Role[] AWARD = {Role.ADMIN, Role.MANAGER, Role.DISPATCHER, Role.SERVICE};
    /** The fleet and who drives what. */
    public static final Role[] FLEET = {Role.ADMIN, Role.MANAGER, Role.DISPATCHER};
    public static final Role[] STAFF = Role.STAFF;
    /** One vehicle: staff, and services (document-service checks a vehicle exists and whose it is before filing a document). */
    public static final Role[] READ_VEHICLE = with(Role.STAFF, Role.SERVICE);
    /** Recording what a charter owes vendors. */
    public static final Role[] RECORD_VENDOR_PAYMENTS = {Role.ADMIN, Role.MANAGER, Role.DISPATCHER, Role.ACCOUNTANT};
    /** Releasing vendor payments. */
    public static final Role[] RELEASE_VENDOR_PAYMENTS = {Role.ADMIN, Role.ACCOUNTANT};

    private Roles() {
    }

    private static Role[] with(Role[] base, Role... more) {
        return Stream.concat(Arrays.stream(base), Arrays.stream(more)).distinct().toArray(Role[]::new);
    }
}
