package com.coachway.sales.leads;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.sales.audit.SalesAudit;
import com.coachway.sales.remote.CharterDirectory;
import com.coachway.sales.remote.ClientDirectory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.UUID;

/**
 * A lead becomes a client and a charter inquiry. client- and charter-service are called with
 * the caller's token (their roles and rules apply) and outside any transaction; a short claim on
 * the lead keeps a second conversion out meanwhile. Neither POST takes an Idempotency-Key, so a
 * retry after a half-done attempt finds what it made instead: the client by the lead's email,
 * the inquiry by the lead's reference in its notes.
 */
public final class ConversionActions {
    private static final Logger log = LoggerFactory.getLogger(ConversionActions.class);
    /** Longer than both calls can take (each client's request timeout is 10 s). */
    static final Duration CLAIM = Duration.ofSeconds(60);
    private static final int CHARTER_NOTES_MAX = 4000;

    private final DSLContext dsl;
    private final LeadStore leads;
    private final ClientDirectory clients;
    private final CharterDirectory charters;
    private final SalesAudit audit;
    private final Clock clock;

    public ConversionActions(DSLContext dsl, LeadStore leads, ClientDirectory clients, CharterDirectory charters, SalesAudit audit,
                             Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.leads = leads;
        this.clients = clients;
        this.charters = charters;
        this.clock = clock;
    }

    public record Conversion(UUID leadId, UUID clientId, UUID charterId) {
    }

    /** @param client the overrides of the client's fields (may be null); @param charter the inquiry without client_id */
    public Conversion convert(Caller caller, String callerToken, UUID leadId, ObjectNode client, ObjectNode charter) {
        Lead lead = leads.find(dsl, leadId).orElseThrow(() -> ApiException.notFound("Lead"));
        refuseIfDone(lead);
        ObjectNode clientBody = clientBody(lead, client);
        ObjectNode charterBody = charter.deepCopy();
        var errors = new ArrayList<FieldError>();
        if (!clientBody.hasNonNull("email")) errors.add(new FieldError("client.email", "is required: the lead has no email"));
        if (!charterBody.hasNonNull("passenger_count")) {
            if (lead.estimatedPassengers() == null) errors.add(new FieldError("charter.passenger_count", "is required: the lead has no estimated_passengers"));
            else charterBody.put("passenger_count", lead.estimatedPassengers());
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        charterBody.put("notes", notes(lead, charter.path("notes").asText(null)));

        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime until = now.plus(CLAIM);
        if (!leads.claimConversion(dsl, leadId, now, until)) {
            Lead current = leads.find(dsl, leadId).orElseThrow(() -> ApiException.notFound("Lead"));
            refuseIfDone(current);
            throw ApiException.conflict("A conversion of lead " + current.reference() + " is running; try again shortly");
        }
        UUID clientId;
        UUID charterId;
        try {
            String email = clientBody.get("email").asText();
            clientId = clients.byEmail(callerToken, email).orElse(null);
            if (clientId == null) clientId = clients.create(callerToken, clientBody);
            UUID forClient = clientId;
            charterId = charters.markedFor(callerToken, clientId, lead.reference()).orElse(null);
            if (charterId == null) {
                charterBody.put("client_id", forClient.toString());
                charterId = charters.create(callerToken, charterBody);
            }
        } catch (RuntimeException e) {
            leads.releaseConversion(dsl, leadId, until);
            throw e;
        }
        UUID c = clientId;
        UUID ch = charterId;
        Lead done = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Lead l = leads.lock(tx, leadId).orElseThrow(() -> ApiException.notFound("Lead"));
            refuseIfDone(l);
            String to = LeadStatus.afterConversion(l.status());
            leads.converted(tx, leadId, c, ch, to, caller.subject(), OffsetDateTime.now(clock));
            audit.leadConverted(tx, AuditTrail.actor(caller), leadId, l.reference(), l.status(), to, c, ch);
            return leads.find(tx, leadId).orElseThrow();
        });
        log.info("lead {} converted by {}: client {}, charter {}", done.reference(), caller.subject(), c, ch);
        return new Conversion(leadId, c, ch);
    }

    private static void refuseIfDone(Lead lead) {
        if (lead.converted()) {
            throw ApiException.conflict("Lead " + lead.reference() + " is converted already: client " + lead.convertedClientId()
                    + ", charter " + lead.convertedCharterId());
        }
        if (LeadStatus.LOST.equals(lead.status())) throw ApiException.conflict("The lead is lost; a lost lead is not converted");
    }

    /** client-service's create body: the lead's values, then the caller's overrides. */
    static ObjectNode clientBody(Lead lead, ObjectNode overrides) {
        var body = com.coachway.common.http.Json.MAPPER.createObjectNode();
        body.put("name", lead.company() != null && !lead.company().isBlank() ? lead.company() : lead.name());
        body.put("type", lead.company() != null && !lead.company().isBlank() ? "corporate" : "individual");
        if (lead.email() != null) body.put("email", lead.email());
        if (lead.phone() != null) body.put("phone", lead.phone());
        if (overrides != null) body.setAll(overrides.deepCopy());
        return body;
    }

    /** The inquiry's notes name the lead (how a retry finds it), then its trip and the caller's notes. */
    static String notes(Lead lead, String given) {
        var s = new StringBuilder("From lead ").append(lead.reference()).append('.');
        if (lead.tripDescription() != null) s.append(' ').append(lead.tripDescription());
        if (given != null && !given.isBlank()) s.append("\n").append(given);
        return s.length() <= CHARTER_NOTES_MAX ? s.toString() : s.substring(0, CHARTER_NOTES_MAX);
    }
}
