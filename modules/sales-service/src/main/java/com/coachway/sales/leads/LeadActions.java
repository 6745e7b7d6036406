package com.coachway.sales.leads;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.audit.AuditTrail;
import com.coachway.sales.agents.Assignments;
import com.coachway.sales.audit.SalesAudit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Leads: recorded (and given to the agent whose turn it is), changed along their lifecycle, reassigned. */
public final class LeadActions {
    private static final Logger log = LoggerFactory.getLogger(LeadActions.class);

    private final DSLContext dsl;
    private final LeadStore leads;
    private final Assignments assignments;
    private final ZoneId zone;
    private final SalesAudit audit;
    private final Clock clock;

    public LeadActions(DSLContext dsl, LeadStore leads, Assignments assignments, SalesAudit audit, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.leads = leads;
        this.assignments = assignments;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    public Page<Lead> list(LeadStore.Filter filter, PageRequest page) {
        return leads.list(dsl, filter, page);
    }

    public Lead get(UUID id) {
        return leads.find(dsl, id).orElseThrow(() -> ApiException.notFound("Lead"));
    }

    public Lead create(Caller caller, LeadChanges c) {
        UUID id = Ids.newId();
        Lead made = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // as the column keeps it, so the answer equals what a later read shows
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            String reference = String.format("LD-%d-%05d", now.atZoneSameInstant(zone).getYear(), leads.nextNumber(tx));
            UUID agent = c.assignedTo();
            if (agent != null) assignments.requireActive(tx, agent, "assigned_to");
            // the turn last: its lock is held from here to the commit, so concurrent creations queue only for the insert
            else agent = assignments.takeTurn(tx, now);
            leads.insert(tx, id, reference, c, agent, caller.subject(), now);
            return new Lead(id, reference, c.name(), c.company(), c.email(), c.phone(), c.source(), c.tripDescription(),
                    c.estimatedPassengers(), c.estimatedDate(), c.estimatedValue(), LeadStatus.NEW, null, agent, null, null, null,
                    caller.subject(), now, now, 1);
        });
        log.info("lead {} from {} assigned to {} by {}", made.reference(), made.source(), made.assignedTo(), caller.subject());
        return made;
    }

    public Lead patch(Caller caller, UUID id, int version, LeadChanges c) {
        Lead changed = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Lead lead = leads.lock(tx, id).orElseThrow(() -> ApiException.notFound("Lead"));
            if (lead.version() != version) throw ApiException.versionConflict(lead.version());
            String to = c.has("status") ? c.status() : lead.status();
            LeadStatus.refusal(lead.status(), to).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            String reason = c.has("lost_reason") ? c.lostReason() : lead.lostReason();
            if (LeadStatus.LOST.equals(to) && reason == null) {
                throw ApiException.validation(List.of(new FieldError("lost_reason", "is required when the lead is lost")));
            }
            if (c.has("assigned_to")) assignments.requireActive(tx, c.assignedTo(), "assigned_to");
            leads.update(tx, id, c, OffsetDateTime.now(clock));
            if (c.has("assigned_to")) reassigned(tx, caller, lead, c.assignedTo());
            return leads.find(tx, id).orElseThrow();
        });
        log.info("lead {} changed by {} (status {})", changed.reference(), caller.subject(), changed.status());
        return changed;
    }

    public Lead assign(Caller caller, UUID id, UUID agentId) {
        Lead changed = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Lead lead = leads.lock(tx, id).orElseThrow(() -> ApiException.notFound("Lead"));
            if (LeadStatus.isFinal(lead.status())) throw ApiException.conflict("The lead is " + lead.status() + "; it is not reassigned");
            assignments.requireActive(tx, agentId, "agent_id");
            var c = new LeadChanges(java.util.Set.of("assigned_to"), null, null, null, null, null, null, null, null, null, null, null,
                    agentId);
            leads.update(tx, id, c, OffsetDateTime.now(clock));
            reassigned(tx, caller, lead, agentId);
            return leads.find(tx, id).orElseThrow();
        });
        log.info("lead {} assigned to {} by {}", changed.reference(), agentId, caller.subject());
        return changed;
    }

    /** A lead given to the agent it already had is no reassignment: nothing for the audit trail. */
    private void reassigned(DSLContext tx, Caller caller, Lead before, UUID to) {
        if (to.equals(before.assignedTo())) return;
        audit.leadReassigned(tx, AuditTrail.actor(caller), before.id(), before.reference(), before.assignedTo(), to);
    }
}
