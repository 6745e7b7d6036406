package com.coachway.document.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.Role;
import com.coachway.common.http.ApiException;

import java.util.UUID;

/**
 * Which documents a caller reaches, handed to every store read so that it becomes part of the
 * query itself: staff, admins and services reach all; a client portal user the documents whose
 * stored client is its own; a vendor portal user those whose stored vendor is its own. Another's
 * document is then simply not found (404), never found and refused. Any other caller reaches none.
 *
 * @param everything every document
 * @param clientId only documents of this client (null: not limited by client)
 * @param vendorId only documents of this vendor (null: not limited by vendor)
 */
public record Tenancy(boolean everything, UUID clientId, UUID vendorId) {
    /** No client or vendor has this id: a caller limited to it reaches nothing. */
    private static final UUID NOBODY = new UUID(0, 0);
    private static final Tenancy ALL = new Tenancy(true, null, null);

    public static Tenancy of(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return ALL;
        if (caller.hasRole(Role.CLIENT)) {
            // auth-service never issues such tokens; refuse one rather than guess
            if (caller.clientId() == null) throw ApiException.forbidden("This portal user is not linked to a client");
            return new Tenancy(false, caller.clientId(), null);
        }
        if (caller.hasRole(Role.VENDOR)) {
            if (caller.vendorId() == null) throw ApiException.forbidden("This portal user is not linked to a vendor");
            return new Tenancy(false, null, caller.vendorId());
        }
        return new Tenancy(false, NOBODY, null);
    }

    public static Tenancy all() {
        return ALL;
    }

    /** Whether a record whose tenancy is this client and vendor is the caller's (for uploads). */
    public boolean reaches(UUID recordClientId, UUID recordVendorId) {
        if (everything) return true;
        if (clientId != null) return clientId.equals(recordClientId);
        return vendorId != null && vendorId.equals(recordVendorId);
    }

    /** admin and manager delete any document they reach; anyone else only what they uploaded. */
    public static boolean mayDelete(Caller caller, String uploadedBy) {
        if (caller.isAdmin() || caller.hasRole(Role.MANAGER)) return true;
        return caller.userId() != null && caller.userId().toString().equals(uploadedBy);
    }
}
