package com.coachway.vendor.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.Role;
import com.coachway.common.http.ApiException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Optional;
import java.util.UUID;

/**
 * Which vendor's records a caller may see. Staff and services see every vendor; a vendor user
 * only the one its token names, and another vendor's record does not exist for it (404, so ids
 * cannot be probed). It goes down to the store as part of the query's WHERE.
 */
public final class VendorScope {
    /** No vendor has this id: a caller limited to it sees nothing. */
    private static final UUID NO_VENDOR = new UUID(0, 0);
    private static final VendorScope ALL = new VendorScope(null);

    private final UUID vendorId;

    private VendorScope(UUID vendorId) {
        this.vendorId = vendorId;
    }

    public static VendorScope of(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return ALL;
        if (caller.hasRole(Role.VENDOR)) {
            // auth-service never issues a vendor token without vendor_id; refuse one rather than guess
            if (caller.vendorId() == null) throw ApiException.forbidden("This portal user is not linked to a vendor");
            return new VendorScope(caller.vendorId());
        }
        return new VendorScope(NO_VENDOR);
    }

    /** Every vendor: for the service's own work, never for a request. */
    public static VendorScope all() {
        return ALL;
    }

    /** The one vendor this scope is limited to, or empty when it sees all of them. */
    public Optional<UUID> vendor() {
        return Optional.ofNullable(vendorId);
    }

    /** The condition to AND into a query on a table whose vendor is {@code vendorColumn}. */
    public Condition where(Field<UUID> vendorColumn) {
        return vendorId == null ? DSL.noCondition() : vendorColumn.eq(vendorId);
    }

    @Override
    public String toString() {
        return vendorId == null ? "VendorScope[all]" : "VendorScope[" + vendorId + "]";
    }
}
