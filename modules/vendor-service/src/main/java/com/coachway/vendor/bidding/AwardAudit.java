package com.coachway.vendor.bidding;

import com.coachway.common.audit.AuditTrail;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;

/** What vendor-service tells the platform audit trail, in the award's transaction: which vendor's bid won a charter's work. */
public final class AwardAudit {
    public static final String BID_AWARDED = "bid.awarded";
    public static final String[] ACTIONS = {BID_AWARDED};

    private final AuditTrail trail;

    public AwardAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void awarded(DSLContext tx, String actor, Bid bid, BidRequest request) {
        var details = new LinkedHashMap<String, Object>();
        details.put("bid_request_id", request.id());
        details.put("charter_id", request.charterId());
        details.put("vendor_id", bid.vendorId());
        details.put("amount", bid.amount());
        trail.append(tx, BID_AWARDED, "bid", bid.id(), actor, bid.status(), Bid.AWARDED, details);
    }
}
