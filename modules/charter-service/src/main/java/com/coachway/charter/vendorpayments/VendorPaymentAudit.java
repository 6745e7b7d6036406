package com.coachway.charter.vendorpayments;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;

/**
 * What charter-service tells the platform audit trail about what charters owe vendors: a payment
 * recorded by hand (from null to pending) and each step of its release (approved, paid). The
 * payment an award records is the award's entry (charter.vendor_awarded), not a second one.
 */
public final class VendorPaymentAudit {
    public static final String CHANGED = "vendor_payment.changed";
    public static final String[] ACTIONS = {CHANGED};

    private final AuditTrail trail;

    public VendorPaymentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void changed(DSLContext tx, Caller by, String from, VendorPayment after) {
        var details = new LinkedHashMap<String, Object>();
        details.put("charter_id", after.charterId());
        details.put("vendor_id", after.vendorId());
        details.put("amount", after.amount());
        details.put("due_date", after.dueDate());
        trail.append(tx, CHANGED, "vendor_payment", after.id(), AuditTrail.actor(by), from, after.status(), details);
    }
}
