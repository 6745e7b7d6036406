package com.coachway.common.auth;

import com.coachway.common.http.ApiException;

import java.util.Optional;
import java.util.UUID;

/**
 * Which client's records a caller may see, the same in every service that keeps per-client data.
 * Staff, admins and services see every client; a client portal user only the one its token
 * names, and another client's record simply does not exist for it (404, never 403, so ids cannot
 * be probed). Any other caller that reaches a client-scoped route sees no client at all.
 */
public final class ClientScope {
    /** No client has this id: a caller limited to it sees nothing. */
    private static final UUID NO_CLIENT = new UUID(0, 0);

    private ClientScope() {
    }

    /** The one client this caller is limited to, or empty when it sees all of them. */
    public static Optional<UUID> limitedTo(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return Optional.empty();
        if (caller.hasRole(Role.CLIENT)) {
            // auth-service never issues a client token without client_id; refuse one rather than guess
            if (caller.clientId() == null) throw ApiException.forbidden("This portal user is not linked to a client");
            return Optional.of(caller.clientId());
        }
        return Optional.of(NO_CLIENT);
    }

    /** The 404 for {@code what} unless the caller may see records of {@code clientId}. */
    public static void check(Caller caller, UUID clientId, String what) {
        limitedTo(caller).ifPresent(own -> {
            if (!own.equals(clientId)) throw ApiException.notFound(what);
        });
    }
}
