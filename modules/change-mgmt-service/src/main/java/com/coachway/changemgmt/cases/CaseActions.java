package com.coachway.changemgmt.cases;

import com.coachway.changemgmt.access.Roles;
import com.coachway.changemgmt.audit.AuditEvent;
import com.coachway.changemgmt.audit.AuditStore;
import com.coachway.changemgmt.remote.Charters;
import com.coachway.changemgmt.remote.Clients;
import com.coachway.changemgmt.remote.Charters.Charter;
import com.coachway.changemgmt.remote.Pricing;
import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Json;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxEvent;
import com.coachway.common.outbox.OutboxHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The change-case use cases. Neighbours are asked before a transaction (the charter and its
 * price) or after it commits (the change applied to the charter, through the outbox); every
 * transition writes the case, one history row and one audit event in one transaction.
 */
public final class CaseActions {
    private static final Logger log = LoggerFactory.getLogger(CaseActions.class);
    public static final String SERVICE = "change-mgmt-service";
    public static final String IMPLEMENT_REQUESTED = "case.implement_requested";
    /** For notification-service: the client's email about its change request (delivered as it stands by an OutboxForwarder). */
    public static final String NOTIFICATION_REQUESTED = "notification.requested";
    private static final String IMPLEMENTED_NOTE = "The change is now made to your charter.";
    public static final String ENTITY = "change_case";
    private static final String SELF = "service:" + SERVICE;
    private static final String PRICED_FIELDS = "requested_changes.";
    private static final Set<String> FINISHED_CHARTER = Set.of("completed", "cancelled");
    private static final Set<String> UNDER_WAY_CHARTER = Set.of("in_progress", "completed");

    private final DSLContext dsl;
    private final CaseStore store;
    private final AuditStore audit;
    private final Charters charters;
    private final Pricing pricing;
    private final Clients clients;
    private final Outbox outbox;
    private final Clock clock;

    public CaseActions(DSLContext dsl, CaseStore store, AuditStore audit, Charters charters, Pricing pricing, Clients clients, Outbox outbox,
                       Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.audit = audit;
        this.charters = charters;
        this.pricing = pricing;
        this.clients = clients;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewCase(UUID charterId, CaseType type, String description, JsonNode requestedChanges) {
    }

    /** A transition's optional comment and the version the caller read. */
    public record Transition(String comment, Integer version) {
    }

    /** The outbox event that asks for a case's change to be applied to its charter. */
    public record ImplementRequested(UUID caseId) {
    }

    // ---- reads ----

    public ChangeCase get(ClientScope scope, UUID id) {
        return store.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Case"));
    }

    public Page<ChangeCase> list(ClientScope scope, CaseStore.Filter filter, PageRequest page) {
        return store.list(dsl, scope, filter, page);
    }

    public Page<HistoryEntry> history(ClientScope scope, UUID id, PageRequest page) {
        get(scope, id);
        return store.history(dsl, id, page);
    }

    // ---- create ----

    /** Reads the charter with the caller's token and prices the change, then writes the case. */
    public ChangeCase create(Caller caller, String bearerToken, NewCase in) {
        var errors = ChangeRequest.check(in.type(), in.requestedChanges(), clock.instant());
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        Charter charter = charters.as(bearerToken).find(in.charterId())
                .filter(c -> ClientScope.of(caller).allows(c.clientId()))
                .orElseThrow(() -> ApiException.validation(List.of(new FieldError("charter_id", "unknown charter"))));
        if (FINISHED_CHARTER.contains(charter.status())) {
            throw ApiException.conflict("The charter is " + charter.status() + ": it can no longer be changed");
        }
        PriceImpact price = price(in.type(), in.requestedChanges(), charter);

        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = Roles.actor(caller);
        ChangeCase made = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            String reference = String.format("CHG-%04d-%05d", now.withOffsetSameInstant(ZoneOffset.UTC).getYear(), store.nextReferenceNumber(tx));
            store.insert(tx, new CaseStore.NewCase(id, charter.id(), charter.reference(), charter.clientId(), in.type(), in.description(),
                    in.requestedChanges(), price, caller.subject(), now), reference);
            ChangeCase created = store.find(tx, ClientScope.all(), id).orElseThrow();
            record(tx, created, actor, null, CaseStatus.SUBMITTED, null, now);
            return created;
        });
        log.info("case {} {} on charter {} by {}: delta {}, requires manager {}", made.reference(), made.type(), made.charterId(), actor,
                made.priceDelta(), made.requiresManager());
        return made;
    }

    /**
     * The price impact, from the charter's current quote and pricing-service's price of the
     * changed trip. The changed trip keeps the quote's promo code (the client agreed to the
     * discounted price) unless pricing-service says the code does not apply to it: then it is
     * priced without the code and the impact says why. Pricing counts no use of the code.
     */
    private PriceImpact price(CaseType type, JsonNode changes, Charter charter) {
        if (type == CaseType.OTHER) return PriceImpact.unpriced(type);
        boolean exempt = ChangeRequest.taxExempt(charter);
        BigDecimal current = ChangeRequest.quotedTotal(charter);
        if (current == null) current = pricing.price(ChangeRequest.current(charter).priceRequest(exempt), PRICED_FIELDS).total();
        if (type == CaseType.CANCELLATION) return PriceImpact.of(type, current, BigDecimal.ZERO);
        Pricing.PriceRequest changed = ChangeRequest.changed(type, changes, charter).priceRequest(exempt);
        String code = ChangeRequest.promoCode(charter);
        if (code == null) return PriceImpact.of(type, current, pricing.price(changed, PRICED_FIELDS).total());
        Pricing.Priced discounted = pricing.price(changed.withPromoCode(code, charter.currentQuote().id()), PRICED_FIELDS);
        if (!discounted.promoRefused()) return PriceImpact.of(type, current, discounted.total(), PriceImpact.Promo.applied(code));
        log.info("promo code {} of charter {}'s quote does not apply to the changed trip: {}", code, charter.id(), discounted.promoRefusal());
        return PriceImpact.of(type, current, pricing.price(changed, PRICED_FIELDS).total(),
                PriceImpact.Promo.refused(code, discounted.promoRefusal()));
    }

    // ---- the workflow ----

    /** submitted → under_review, with the price computed again (the charter or the rates may have changed since). */
    public ChangeCase review(Caller caller, UUID id, Transition t) {
        ChangeCase seen = get(ClientScope.all(), id);
        refuseUnless(seen, CaseStatus.UNDER_REVIEW, t);
        Charter charter = charters.find(seen.charterId())
                .orElseThrow(() -> ApiException.conflict("charter-service no longer knows charter " + seen.charterId()));
        PriceImpact price = price(seen.kind(), seen.requestedChanges(), charter);
        String actor = Roles.actor(caller);
        return move(id, t, CaseStatus.UNDER_REVIEW, actor, c -> {
        }, new CaseStore.Change(CaseStatus.UNDER_REVIEW, price, actor, null, null, false, null, false));
    }

    public ChangeCase approve(Caller caller, UUID id, Transition t) {
        String actor = Roles.actor(caller);
        var tell = recipientBefore(id, CaseStatus.APPROVED, t);
        return move(id, t, CaseStatus.APPROVED, actor, c -> {
            if (c.requiresManager() && !Roles.isManager(caller)) {
                throw ApiException.forbidden("This case needs a manager's approval: "
                        + (c.kind() == CaseType.CANCELLATION ? "it is a cancellation"
                        : "its price impact " + c.priceDelta() + " is at least " + PriceImpact.THRESHOLD + " either way"));
            }
        }, new CaseStore.Change(CaseStatus.APPROVED, null, null, actor, t.comment(), false, null, false),
                tx -> tellClient(tx, tell, CaseStatus.APPROVED, t.comment()));
    }

    public ChangeCase reject(Caller caller, UUID id, Transition t) {
        String actor = Roles.actor(caller);
        var tell = recipientBefore(id, CaseStatus.REJECTED, t);
        return move(id, t, CaseStatus.REJECTED, actor, c -> {
        }, new CaseStore.Change(CaseStatus.REJECTED, null, null, actor, t.comment(), false, null, false),
                tx -> tellClient(tx, tell, CaseStatus.REJECTED, t.comment()));
    }

    /** Whom the client's email about a case goes to and what it names. */
    private record Tell(Clients.Recipient to, String charterReference) {
    }

    /**
     * Read before the transition's transaction: the charter's contact (charter-service) and its
     * address (client-service). A move that will be refused asks neither; a neighbour that is down
     * is the 503 of the move, with nothing written.
     */
    private Optional<Tell> recipientBefore(UUID id, CaseStatus to, Transition t) {
        ChangeCase seen = get(ClientScope.all(), id);
        refuseUnless(seen, to, t);
        UUID contactId = charters.find(seen.charterId()).map(Charter::contactId).orElse(null);
        return recipientOf(seen, contactId);
    }

    private Optional<Tell> recipientOf(ChangeCase c, UUID contactId) {
        var to = clients.recipient(c.clientId(), contactId).map(r -> new Tell(r, c.charterReference()));
        if (to.isEmpty()) log.info("case {}: client {} has no email address; it is not written to", c.reference(), c.clientId());
        return to;
    }

    /** The client's email, as an outbox row of the transition's own transaction (sent after commit). */
    private void tellClient(DSLContext tx, Optional<Tell> tell, CaseStatus to, String comment) {
        ClientNotice.status(to).ifPresent(status -> tell.ifPresent(r -> outbox.enqueue(tx, NOTIFICATION_REQUESTED,
                ClientNotice.email(r.to().email(), r.to().name(), r.charterReference(), status, comment))));
    }

    /** Before a decision, by the requester (a client user only its own client's cases) or the staff of Roles.CANCEL. */
    public ChangeCase cancel(Caller caller, ClientScope scope, UUID id, Transition t) {
        get(scope, id);
        return move(id, t, CaseStatus.CANCELLED, Roles.actor(caller), c -> {
            if (!Roles.cancelsAnyCase(caller) && !caller.subject().equals(c.requestedBy())) {
                throw ApiException.forbidden("Only the requester or staff may cancel this case");
            }
        }, CaseStore.Change.to(CaseStatus.CANCELLED));
    }

    /** approved (or implementation_failed) → implementing; the outbox applies the change to the charter after commit. */
    public ChangeCase implement(Caller caller, UUID id, Transition t) {
        return move(id, t, CaseStatus.IMPLEMENTING, Roles.actor(caller), c -> {
        }, new CaseStore.Change(CaseStatus.IMPLEMENTING, null, null, null, null, false, null, true), tx -> outbox.enqueue(tx,
                IMPLEMENT_REQUESTED, new ImplementRequested(id)));
    }

    private ChangeCase move(UUID id, Transition t, CaseStatus to, String actor, java.util.function.Consumer<ChangeCase> guard,
                            CaseStore.Change change) {
        return move(id, t, to, actor, guard, change, tx -> {
        });
    }

    private ChangeCase move(UUID id, Transition t, CaseStatus to, String actor, java.util.function.Consumer<ChangeCase> guard,
                            CaseStore.Change change, java.util.function.Consumer<DSLContext> alsoInTx) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ChangeCase moved = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            ChangeCase locked = store.lock(tx, ClientScope.all(), id).orElseThrow(() -> ApiException.notFound("Case"));
            refuseUnless(locked, to, t);
            guard.accept(locked);
            store.update(tx, id, change, now);
            alsoInTx.accept(tx);
            ChangeCase after = store.find(tx, ClientScope.all(), id).orElseThrow();
            record(tx, after, actor, locked.state(), to, t.comment(), now);
            return after;
        });
        log.info("case {} → {} by {}", moved.reference(), to.code(), actor);
        return moved;
    }

    private static void refuseUnless(ChangeCase c, CaseStatus to, Transition t) {
        if (t.version() != null && t.version() != c.version()) throw ApiException.versionConflict(c.version());
        CaseStatus.refusal(c.state(), to).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
    }

    /** The transition's history row and audit event, in the transaction that makes it. */
    private void record(DSLContext tx, ChangeCase c, String actor, CaseStatus from, CaseStatus to, String comment, OffsetDateTime now) {
        store.addHistory(tx, c.id(), actor, from, to, comment, now);
        var details = Json.MAPPER.createObjectNode()
                .put("reference", c.reference())
                .put("charter_id", c.charterId().toString())
                .put("type", c.type())
                .put("requires_manager", c.requiresManager());
        details.put("price_delta", c.priceDelta());
        details.put("promo_code", c.promoCode());
        details.put("promo_code_applied", c.promoCodeApplied());
        details.put("comment", comment);
        audit.insert(tx, new AuditEvent(Ids.newId(), SERVICE, action(to), ENTITY, c.id().toString(), actor, now,
                from == null ? null : from.code(), to.code(), details, now));
    }

    static String action(CaseStatus to) {
        return "case." + switch (to) {
            case SUBMITTED -> "submitted";
            case UNDER_REVIEW -> "reviewed";
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case CANCELLED -> "cancelled";
            case IMPLEMENTING -> "implementation_started";
            case IMPLEMENTED -> "implemented";
            case IMPLEMENTATION_FAILED -> "implementation_failed";
        };
    }

    // ---- implementation, after commit (the outbox) ----

    /** The outbox handler of {@link #IMPLEMENT_REQUESTED}: outside any transaction, holding no lock. */
    public OutboxHandler implementation() {
        return new OutboxHandler() {
            @Override
            public void handle(OutboxEvent event) {
                applyToCharter(event.payloadAs(ImplementRequested.class).caseId());
            }

            @Override
            public void failedForGood(OutboxEvent event, String lastError) {
                finish(event.payloadAs(ImplementRequested.class).caseId(), CaseStatus.IMPLEMENTATION_FAILED,
                        "charter-service did not take the change after every retry: " + withoutExceptionClass(lastError));
            }
        };
    }

    /** The outbox keeps "java.lang.IllegalStateException: why"; the case's reason is read by people, so only "why". */
    static String withoutExceptionClass(String error) {
        return error == null ? null : error.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }

    /**
     * Reads the charter fresh and applies the change with this service's token. A refusal for
     * good fails the case with charter-service's reason; a version race or an outage throws, so
     * the outbox tries again later (the change is absolute, so a repeat changes nothing more).
     */
    void applyToCharter(UUID caseId) {
        ChangeCase c = store.find(dsl, ClientScope.all(), caseId).orElse(null);
        if (c == null || c.state() != CaseStatus.IMPLEMENTING) {
            log.info("case {} is no longer implementing; nothing to apply", caseId);
            return;
        }
        Optional<Charter> fresh = charters.find(c.charterId());
        if (fresh.isEmpty()) {
            finish(caseId, CaseStatus.IMPLEMENTATION_FAILED, "charter-service no longer knows charter " + c.charterId());
            return;
        }
        Charter charter = fresh.get();
        // whom to tell once it is done, read before anything changes: client-service down throws, and the outbox tries again
        Optional<Tell> tell = recipientOf(c, charter.contactId());
        Optional<Charters.Refusal> refusal;
        switch (c.kind()) {
            case OTHER -> refusal = Optional.empty();
            case CANCELLATION -> {
                if ("cancelled".equals(charter.status())) {
                    refusal = Optional.empty();
                } else if (UNDER_WAY_CHARTER.contains(charter.status())) {
                    finish(caseId, CaseStatus.IMPLEMENTATION_FAILED, "The charter is " + charter.status() + ": it can no longer be cancelled");
                    return;
                } else {
                    refusal = charters.cancel(charter.id(), "Change case " + c.reference() + ": " + c.description(), charter.version());
                }
            }
            default -> {
                if (FINISHED_CHARTER.contains(charter.status())) {
                    finish(caseId, CaseStatus.IMPLEMENTATION_FAILED, "The charter is " + charter.status() + ": it can no longer be changed");
                    return;
                }
                refusal = charters.patch(charter.id(), ChangeRequest.patch(c.kind(), c.requestedChanges(), charter));
            }
        }
        if (refusal.isEmpty()) {
            finish(caseId, CaseStatus.IMPLEMENTED, null, tell);
            return;
        }
        Charters.Refusal r = refusal.get();
        String why = "charter-service answered " + r.status() + ": " + r.detail()
                + (r.errors().isEmpty() ? "" : " (" + r.errors().stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; ")) + ")");
        if (r.retryable()) throw new IllegalStateException(why);
        finish(caseId, CaseStatus.IMPLEMENTATION_FAILED, why);
    }

    private void finish(UUID caseId, CaseStatus to, String error) {
        finish(caseId, to, error, Optional.empty());
    }

    private void finish(UUID caseId, CaseStatus to, String error, Optional<Tell> tell) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            ChangeCase locked = store.lock(tx, ClientScope.all(), caseId).orElse(null);
            if (locked == null || locked.state() != CaseStatus.IMPLEMENTING) return;
            String message = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
            store.update(tx, caseId, new CaseStore.Change(to, null, null, null, null, to == CaseStatus.IMPLEMENTED, message, false), now);
            ChangeCase after = store.find(tx, ClientScope.all(), caseId).orElseThrow();
            record(tx, after, SELF, CaseStatus.IMPLEMENTING, to, message, now);
            tellClient(tx, tell, to, IMPLEMENTED_NOTE);
        });
        log.info("case {} {}{}", caseId, to.code(), error == null ? "" : ": " + error);
    }
}
