package com.coachway.client.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;

import java.util.Optional;
import java.util.UUID;

/**
 * Which clients a caller's queries may reach, handed to every store read a portal user can make
 * so that it becomes part of the query's WHERE: another client's rows are then not found (404),
 * instead of found and refused by a check someone must remember to place. Staff, admins and
 * services reach every client; who is limited to what is {@link ClientScope}'s rule.
 */
public final class Tenancy {
    private static final Tenancy ALL = new Tenancy(null);

    private final UUID onlyClient;

    private Tenancy(UUID onlyClient) {
        this.onlyClient = onlyClient;
    }

    public static Tenancy of(Caller caller) {
        return ClientScope.limitedTo(caller).map(Tenancy::new).orElse(ALL);
    }

    /** Every client: for staff-only routes and for tests that read as the service itself. */
    public static Tenancy all() {
        return ALL;
    }

    /** The one client the caller is limited to; empty when it reaches them all. */
    public Optional<UUID> onlyClient() {
        return Optional.ofNullable(onlyClient);
    }

    @Override
    public String toString() {
        return onlyClient == null ? "all clients" : "client " + onlyClient;
    }
}
