package com.coachway.payment.payments;

import com.coachway.common.audit.AuditTrail;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What payment-service tells the platform audit trail, written beside the finance event of the
 * same change and in its transaction: money in (a payment that succeeded, by hand or by card) and
 * money out (a refund that succeeded).
 */
public final class PaymentAudit {
    public static final String RECORDED = "payment.recorded";
    public static final String REFUNDED = "payment.refunded";
    public static final String[] ACTIONS = {RECORDED, REFUNDED};

    private final AuditTrail trail;

    public PaymentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code from}: the payment's status before it succeeded (null for a manual payment, recorded succeeded). */
    public void recorded(DSLContext tx, Payment p, String from, String actor) {
        var details = new LinkedHashMap<String, Object>();
        details.put("charter_id", p.charterId());
        details.put("client_id", p.clientId());
        details.put("amount", p.amount());
        details.put("currency", p.currency());
        details.put("method", p.method());
        if (p.reference() != null) details.put("reference", p.reference());
        trail.append(tx, RECORDED, "payment", p.id(), actor, from, PaymentStatusRule.SUCCEEDED, details);
    }

    /** The refund, succeeded; its payment in the details. */
    public void refunded(DSLContext tx, Refund r, Payment p, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("payment_id", p.id());
        details.put("charter_id", p.charterId());
        details.put("client_id", p.clientId());
        details.put("amount", r.amount());
        details.put("currency", p.currency());
        details.put("method", p.method());
        if (r.reason() != null) details.put("reason", r.reason());
        trail.append(tx, REFUNDED, "refund", r.id(), actor, null, PaymentStatusRule.SUCCEEDED, details);
    }
}
