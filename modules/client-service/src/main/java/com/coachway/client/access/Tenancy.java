package com.coachway.client.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;

import java.util.UUID;

/**
 * Which clients a caller may see. Staff and other services see all of them; a client portal user
 * sees only the client its token names, and any other client simply does not exist for it (404,
 * never 403, so ids cannot be probed).
 */
public final class Tenancy {
    private Tenancy() {
    }

    public static boolean seesAllClients(Caller caller) {
        return caller.isAdmin() || caller.isStaff() || caller.isService();
    }

    /** The one client the caller is confined to, or null when it sees all of them. */
    public static UUID confinedTo(Caller caller) {
        if (seesAllClients(caller)) return null;
        // Route roles let only portal client users get here; auth-service never issues one without client_id.
        if (caller.clientId() == null) throw ApiException.forbidden("This portal user is not linked to a client");
        return caller.clientId();
    }

    /** Throws the client 404 unless the caller may see this client. */
    public static void requireVisible(Caller caller, UUID clientId) {
        UUID only = confinedTo(caller);
        if (only != null && !only.equals(clientId)) throw ApiException.notFound("Client");
    }
}
