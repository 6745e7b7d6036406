package com.coachway.portals.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

/**
 * The portal user of a request. The client portal is a client user's own and the vendor portal a
 * vendor user's: an admin passes the route's role check but has no client or vendor to show, so
 * it is refused here (403) rather than shown everyone's records.
 */
public final class PortalUsers {
    private PortalUsers() {
    }

    public static PortalUser client(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        if (caller.clientId() == null) throw ApiException.forbidden("The client portal is for client portal users (a token with client_id)");
        return new PortalUser(bearer(ctx), caller.userId(), caller.clientId(), null);
    }

    public static PortalUser vendor(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        if (caller.vendorId() == null) throw ApiException.forbidden("The vendor portal is for vendor portal users (a token with vendor_id)");
        return new PortalUser(bearer(ctx), caller.userId(), null, caller.vendorId());
    }

    /** Staff on the dashboard: only the token is needed. */
    public static PortalUser staff(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        return new PortalUser(bearer(ctx), caller.userId(), null, null);
    }

    /** The token ServiceApp already verified for this request. */
    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8) throw ApiException.unauthorized("A bearer token is required");
        return header.substring(7).trim();
    }
}
