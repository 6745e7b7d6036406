package com.coachway.finance.bills;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.Role;
import com.coachway.common.http.ApiException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.UUID;

/**
 * Whose bills a caller reads: staff and services every vendor's, a vendor user only its own
 * vendor's (another's bill does not exist for it: 404). Goes down to the store as part of the WHERE.
 */
public record VendorScope(UUID vendorId) {
    /** No vendor has this id: a caller limited to it sees no bill. */
    private static final UUID NOBODY = new UUID(0, 0);
    private static final VendorScope EVERY_VENDOR = new VendorScope(null);

    public static VendorScope of(Caller caller) {
        if (caller.isAdmin() || caller.isStaff() || caller.isService()) return EVERY_VENDOR;
        if (!caller.hasRole(Role.VENDOR)) return new VendorScope(NOBODY);
        // auth-service never issues a vendor token without vendor_id; refuse one rather than guess
        if (caller.vendorId() == null) throw ApiException.forbidden("This portal user is not linked to a vendor");
        return new VendorScope(caller.vendorId());
    }

    /** Every vendor's: the service's own work, never a request. */
    public static VendorScope all() {
        return EVERY_VENDOR;
    }

    /** The condition to AND into a query of a table whose vendor is {@code vendorColumn}. */
    public Condition where(Field<UUID> vendorColumn) {
        return vendorId == null ? DSL.noCondition() : vendorColumn.eq(vendorId);
    }
}
