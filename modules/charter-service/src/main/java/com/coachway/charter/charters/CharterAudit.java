package com.coachway.charter.charters;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * What charter-service tells the platform audit trail about charters, in the transaction of the
 * change: every status move (by the status endpoint, a quote sent or accepted), and the award of
 * its work to a vendor.
 */
public final class CharterAudit {
    public static final String STATUS_CHANGED = "charter.status_changed";
    public static final String VENDOR_AWARDED = "charter.vendor_awarded";
    public static final String[] ACTIONS = {STATUS_CHANGED, VENDOR_AWARDED};

    private final AuditTrail trail;

    public CharterAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public void statusChanged(DSLContext tx, Caller by, CharterHead before, CharterStatus to, String reason) {
        var details = new LinkedHashMap<String, Object>();
        details.put("reference", before.reference());
        details.put("client_id", before.clientId());
        if (reason != null) details.put("reason", reason);
        trail.append(tx, STATUS_CHANGED, "charter", before.id(), AuditTrail.actor(by),
                before.status() == null ? null : before.status().code(), to.code(), details);
    }

    /** {@code from}: the vendor before (none, as an award is refused once a charter has one). */
    public void vendorAwarded(DSLContext tx, Caller by, CharterHead before, UUID vendorId, UUID bidId, UUID vendorPaymentId,
                              BigDecimal amount) {
        var details = new LinkedHashMap<String, Object>();
        details.put("reference", before.reference());
        if (bidId != null) details.put("bid_id", bidId);
        details.put("vendor_payment_id", vendorPaymentId);
        details.put("amount", amount);
        trail.append(tx, VENDOR_AWARDED, "charter", before.id(), AuditTrail.actor(by),
                before.vendorId() == null ? null : before.vendorId().toString(), vendorId.toString(), details);
    }
}
