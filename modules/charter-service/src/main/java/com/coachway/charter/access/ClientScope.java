package com.coachway.charter.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.Role;
import com.coachway.common.http.ApiException;

import java.util.Optional;
import java.util.UUID;

/**
 * Which client's records a caller may see. Staff, admins and services see every client; a client
 * portal user only its own (its token carries client_id), and another client's record is simply
 * not found for it, so ids cannot be probed.
 */
public final class ClientScope {
    private static final UUID NOBODY = new UUID(0, 0);

    private ClientScope() {
    }

    /** The one client this caller is limited to, or empty when it sees all. */
    public static Optional<UUID> limitedTo(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return Optional.empty();
        // A portal user without a client_id belongs to no client, and sees nothing.
        if (caller.hasRole(Role.CLIENT)) return Optional.of(caller.clientId() != null ? caller.clientId() : NOBODY);
        return Optional.of(NOBODY);
    }

    /** 404 unless the caller may see records of {@code clientId}. */
    public static void check(Caller caller, UUID clientId, String what) {
        limitedTo(caller).ifPresent(own -> {
            if (!own.equals(clientId)) throw ApiException.notFound(what);
        });
    }

    /** The actor recorded for a change: the user id, or the service client's id. */
    public static String actor(Caller caller) {
        return caller.userId() != null ? caller.userId().toString() : caller.subject();
    }
}
