package com.coachway.vendor.access;

import com.coachway.common.auth.Role;

import java.util.Arrays;
import java.util.stream.Stream;

/** Who may do what here (admin passes every check). Vendor users see only their own vendor's records: {@link VendorScope}. */
public final class Roles {
    public static final Role[] STAFF = Role.STAFF;
    /** Running the affiliate network: adding and approving vendors, filing their papers, opening and awarding bids. */
    public static final Role[] MANAGE_VENDORS = {Role.ADMIN, Role.MANAGER, Role.DISPATCHER};
    /** One vendor: staff, the vendor's own users, and services (document-service checks a vendor before filing for it). */
    public static final Role[] READ_VENDOR = with(Role.STAFF, Role.VENDOR, Role.SERVICE);
    /** A vendor's compliance, ratings and performance: staff and the vendor's own users. */
    public static final Role[] READ_OWN = with(Role.STAFF, Role.VENDOR);
    /** Only a vendor's users bid, for their own vendor. */
    public static final Role[] BID = {Role.VENDOR};

    private Roles() {
    }

    private static Role[] with(Role[] base, Role... more) {
        return Stream.concat(Arrays.stream(base), Arrays.stream(more)).distinct().toArray(Role[]::new);
    }
}
