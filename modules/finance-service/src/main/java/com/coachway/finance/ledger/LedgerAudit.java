package com.coachway.finance.ledger;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.Ids;
import org.jooq.DSLContext;

import java.time.YearMonth;
import java.util.LinkedHashMap;

/**
 * What finance-service tells the platform audit trail, in the transaction of the change: every
 * journal entry posted (whatever booked it: an invoice issued or voided, a payment, a refund, a
 * credit memo, a bill or its payment, revenue recognised, a manual entry or a reversal), and every
 * month closed.
 */
public final class LedgerAudit {
    public static final String JOURNAL_POSTED = "journal.posted";
    public static final String PERIOD_CLOSED = "period.closed";
    public static final String[] ACTIONS = {JOURNAL_POSTED, PERIOD_CLOSED};
    /** EntryDraft's created_by when finance books an event itself (no person asked). */
    private static final String FINANCE_ITSELF = "finance-service";

    private final AuditTrail trail;

    public LedgerAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void posted(DSLContext tx, Entry e) {
        var details = new LinkedHashMap<String, Object>();
        details.put("source_type", e.sourceType());
        details.put("source_id", e.sourceId());
        details.put("entry_date", e.entryDate());
        details.put("total", e.total());
        if (e.memo() != null) details.put("memo", e.memo());
        if (e.reverses() != null) details.put("reverses", e.reverses());
        trail.append(tx, JOURNAL_POSTED, "journal_entry", e.id(), actor(e.createdBy()), null, "posted", details);
    }

    void closed(DSLContext tx, Caller by, YearMonth month) {
        trail.append(tx, PERIOD_CLOSED, "period", month.toString(), AuditTrail.actor(by), "open", "closed");
    }

    /**
     * created_by is the caller's subject: a user id, or a service's client id; finance's own name
     * when it booked an event from another service's outbox (that service audits its own action).
     */
    static String actor(String createdBy) {
        if (createdBy == null || FINANCE_ITSELF.equals(createdBy)) return AuditTrail.SYSTEM;
        return Ids.parse(createdBy) != null ? createdBy : "service:" + createdBy;
    }
}
