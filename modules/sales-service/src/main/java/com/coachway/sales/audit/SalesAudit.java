package com.coachway.sales.audit;

import com.coachway.common.audit.AuditTrail;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What sales-service tells the platform audit trail, each in the transaction of the action it
 * records (pass {@code c.dsl()}): who converted or reassigned a lead, took an agent out of the
 * rotation or back, sent a campaign, or opted an address out of marketing. Callers append only
 * for a change that happened: never for a refusal, a replay or a no-op.
 */
public final class SalesAudit {
    public static final String LEAD_CONVERTED = "lead.converted";
    public static final String LEAD_REASSIGNED = "lead.reassigned";
    public static final String AGENT_ACTIVATED = "agent.activated";
    public static final String AGENT_DEACTIVATED = "agent.deactivated";
    public static final String CAMPAIGN_CREATED = "campaign.created";
    public static final String EMAIL_UNSUBSCRIBED = "email.unsubscribed";
    public static final String[] ACTIONS = {LEAD_CONVERTED, LEAD_REASSIGNED, AGENT_ACTIVATED, AGENT_DEACTIVATED, CAMPAIGN_CREATED,
            EMAIL_UNSUBSCRIBED};
    /** The receiver keeps entity ids of at most 100 characters; an address may have 254. */
    private static final int MAX_ENTITY_ID = 100;

    private final AuditTrail trail;

    public SalesAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public void leadConverted(DSLContext tx, String actor, UUID leadId, String reference, String fromStatus, String toStatus,
                              UUID clientId, UUID charterId) {
        var details = new LinkedHashMap<String, Object>();
        details.put("reference", reference);
        details.put("client_id", clientId);
        details.put("charter_id", charterId);
        trail.append(tx, LEAD_CONVERTED, "lead", leadId, actor, fromStatus, toStatus, details);
    }

    /** @param fromAgent null when the lead had no agent */
    public void leadReassigned(DSLContext tx, String actor, UUID leadId, String reference, UUID fromAgent, UUID toAgent) {
        trail.append(tx, LEAD_REASSIGNED, "lead", leadId, actor, fromAgent == null ? null : fromAgent.toString(), toAgent.toString(),
                Map.of("reference", reference));
    }

    public void agentActiveSet(DSLContext tx, String actor, UUID agentId, UUID userId, boolean active) {
        trail.append(tx, active ? AGENT_ACTIVATED : AGENT_DEACTIVATED, "agent", agentId, actor,
                active ? "inactive" : "active", active ? "active" : "inactive", Map.of("user_id", userId));
    }

    public void campaignCreated(DSLContext tx, String actor, UUID campaignId, String name, int audienceSize, int queued, int suppressed) {
        var details = new LinkedHashMap<String, Object>();
        details.put("name", name);
        details.put("audience_size", audienceSize);
        details.put("queued", queued);
        details.put("suppressed", suppressed);
        trail.append(tx, CAMPAIGN_CREATED, "campaign", campaignId, actor, null, "created", details);
    }

    /** @param source who opted it out: staff (PUT) or unsubscribe (the public link) */
    public void emailUnsubscribed(DSLContext tx, String actor, String email, String source) {
        var details = new LinkedHashMap<String, Object>();
        details.put("email", email);
        details.put("source", source);
        trail.append(tx, EMAIL_UNSUBSCRIBED, "email_preference", entityId(email), actor, "opted_in", "opted_out", details);
    }

    /** The address itself, or (rarely, past the receiver's 100 characters) its SHA-256; details keep it whole. */
    static String entityId(String email) {
        if (email.length() <= MAX_ENTITY_ID) return email;
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
