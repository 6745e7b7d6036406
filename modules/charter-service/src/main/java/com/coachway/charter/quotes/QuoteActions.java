package com.coachway.charter.quotes;

import com.coachway.charter.charters.CharterAudit;
import com.coachway.charter.charters.CharterHead;
import com.coachway.charter.charters.CharterStatus;
import com.coachway.charter.charters.CharterStore;
import com.coachway.charter.remote.ClientDirectory;
import com.coachway.charter.remote.ClientDirectory.ClientInfo;
import com.coachway.charter.remote.Pricing;
import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.http.Problems;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxEvent;
import com.coachway.common.outbox.OutboxHandler;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The quote use cases: price a charter, send a quote, accept or reject it. Nothing here calls
 * another service inside a transaction: prices, clients and contacts are read before it; a promo
 * code's use is counted before the accept's transaction (idempotently, per quote) and, if the
 * booking then does not happen, given back afterwards through the outbox.
 */
public final class QuoteActions {
    private static final Logger log = LoggerFactory.getLogger(QuoteActions.class);

    private final DSLContext dsl;
    private final QuoteStore quotes;
    private final CharterStore charters;
    private final ClientDirectory clients;
    private final Pricing pricing;
    private final Outbox outbox;
    private final CharterAudit audit;
    private final ZoneId tripZone;
    private final Clock clock;

    public QuoteActions(DSLContext dsl, QuoteStore quotes, CharterStore charters, ClientDirectory clients,
                        Pricing pricing, Outbox outbox, CharterAudit audit, ZoneId tripZone, Clock clock) {
        this.audit = audit;
        this.dsl = dsl;
        this.quotes = quotes;
        this.charters = charters;
        this.clients = clients;
        this.pricing = pricing;
        this.outbox = outbox;
        this.tripZone = tripZone;
        this.clock = clock;
    }

    /** What this service's outbox worker delivers for quotes. */
    public Map<String, OutboxHandler> outboxHandlers() {
        return Map.of(QuoteEvents.PROMO_RELEASE_REQUESTED, new OutboxHandler() {
            @Override
            public void handle(OutboxEvent e) {
                givePromoBack(e.id(), e.payloadAs(QuoteEvents.PromoReleaseRequested.class));
            }

            @Override
            public void failedForGood(OutboxEvent e, String lastError) {
                promoGiveBackAbandoned(e.id(), e.payloadAs(QuoteEvents.PromoReleaseRequested.class), lastError);
            }
        });
    }

    public Page<Quote> list(ClientScope scope, UUID charterId, PageRequest page) {
        charters.head(dsl, scope, charterId).orElseThrow(() -> ApiException.notFound("Charter"));
        return quotes.list(dsl, charterId, page);
    }

    public Quote get(ClientScope scope, UUID id) {
        return quotes.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Quote"));
    }

    /** A new version, priced by pricing-service before the transaction; refused if the charter changed meanwhile. */
    public Quote create(Caller caller, ClientScope scope, UUID charterId, String promo) {
        CharterHead head = charters.head(dsl, scope, charterId).orElseThrow(() -> ApiException.notFound("Charter"));
        QuoteRules.refusalToQuote(head.status(), head.tripType(), head.miles()).ifPresent(why -> {
            throw ApiException.conflict(why);
        });

        ClientInfo client = clientOf(head);
        var counts = new LinkedHashMap<String, Integer>();
        charters.lines(dsl, charterId).forEach(l -> counts.merge(l.vehicleType(), 1, Integer::sum));
        Pricing.Priced priced = pricing.calculate(new Pricing.CalculateRequest(
                counts.entrySet().stream().map(e -> new Pricing.VehicleCount(e.getKey(), e.getValue())).toList(),
                head.pickupAt(), head.endsAt(), head.miles() == null ? 0 : head.miles(), head.amenities(), promo,
                client.isTaxExempt()));
        requireComplete(priced);

        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Quote created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, scope, charterId).orElseThrow(() -> ApiException.notFound("Charter"));
            if (locked.version() != head.version()) {
                throw ApiException.conflict("The charter changed while it was being priced (it is now at version "
                        + locked.version() + "); price it again");
            }
            int version = quotes.latestVersion(tx, charterId) + 1;
            quotes.insert(tx, new QuoteStore.NewQuote(id, charterId, version,
                    priced.lines().stream().map(l -> new Quote.Line(l.code(), l.description(), l.quantity(), l.unitPrice(), l.amount())).toList(),
                    priced.subtotal(), priced.discount(), priced.fuelSurcharge(), priced.tax(), priced.total(),
                    priced.currency() == null ? "USD" : priced.currency(), promo, priced.billableHours(), priced.days(),
                    priced.dot(), locked.version(), QuoteRules.validUntil(now), now, caller.subject()));
            quotes.supersedeOthers(tx, charterId, id);
            return quotes.find(tx, scope, id).orElseThrow();
        });
        log.info("quote {} version {} of charter {} priced at {}", id, created.version(), charterId, created.total());
        return created;
    }

    /** pricing-service answered 2xx; a breakdown without its money is its bug, not our caller's. */
    private static void requireComplete(Pricing.Priced p) {
        if (p == null || p.lines() == null || p.subtotal() == null || p.discount() == null || p.fuelSurcharge() == null
                || p.tax() == null || p.total() == null || p.lines().stream().anyMatch(l -> l.amount() == null)) {
            throw new ApiException(502, Problems.UPSTREAM, "Bad gateway",
                    "pricing-service answered without a complete price; quote the request id when reporting it", null);
        }
    }

    /** The quote goes to the contact (else the client) through the outbox; whom to write to is looked up first. */
    public Quote send(Caller caller, ClientScope scope, UUID id, String key) {
        UUID charterId = quotes.charterOf(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Quote"));
        CharterHead head = charters.head(dsl, scope, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
        ClientInfo client = clientOf(head);
        var contact = head.contactId() == null ? null : clients.contact(head.clientId(), head.contactId()).orElse(null);
        boolean toContact = contact != null && contact.email() != null && !contact.email().isBlank();
        String to = toContact ? contact.email() : client.email();
        String recipientName = toContact ? contact.name() : client.name();

        Quote sent = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead charter = charters.lock(tx, scope, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
            var q = quotes.lock(tx, id).orElseThrow(() -> ApiException.notFound("Quote"));
            if (key != null && key.equals(q.sendKey())) return quotes.find(tx, scope, id).orElseThrow();
            var state = new QuoteRules.QuoteState(q.stored(), q.validUntil(), q.version(), quotes.latestVersion(tx, charterId));
            QuoteRules.refusalToSend(state, charter.status(), clock.instant()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            quotes.markSent(tx, id, now, to, key);
            if (charter.status() == CharterStatus.INQUIRY) {
                charters.setStatus(tx, charter, CharterStatus.QUOTED, "quote version " + q.version() + " sent",
                        caller.subject(), caller.email(), now);
                audit.statusChanged(tx, caller, charter, CharterStatus.QUOTED, "quote version " + q.version() + " sent");
            }
            outbox.enqueue(tx, QuoteEvents.NOTIFICATION_REQUESTED, new QuoteEvents.NotificationRequested("email", to,
                    QuoteEvents.QUOTE_SENT_TEMPLATE, new QuoteEvents.QuoteSentData(charterId, charter.reference(), id,
                    q.version(), client.name(), recipientName, charter.pickupAt(), q.total(), q.currency(), q.validUntil())));
            return quotes.find(tx, scope, id).orElseThrow();
        });
        log.info("quote {} of charter {} sent to the outbox for {}", id, charterId, caller.subject());
        return sent;
    }

    /**
     * Books the charter on this quote. The decision is read first without locks, so an accept
     * that will be refused counts no promo use; the promo use is counted next, still outside any
     * transaction (pricing counts one per quote, so a retry or a concurrent accept counts it once);
     * then the transaction decides again under the charter's and the quote's row locks, and books.
     * If that fails after the use was counted, the use is given back through the outbox.
     */
    public Quote accept(Caller caller, ClientScope scope, UUID id, String key) {
        UUID charterId = quotes.charterOf(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Quote"));
        CharterHead charter = charters.head(dsl, scope, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
        var q = quotes.row(dsl, id).orElseThrow(() -> ApiException.notFound("Quote"));
        if (key != null && key.equals(q.acceptKey())) return quotes.find(dsl, scope, id).orElseThrow();
        refusalToAccept(dsl, q, charter).ifPresent(why -> {
            throw ApiException.conflict(why);
        });

        String counted = null;
        if (q.promoCode() != null) {
            try {
                pricing.redeem(q.promoCode(), id, tripDate(charter));
                counted = q.promoCode();
            } catch (RuntimeException e) {
                // Refused (used up, out of its dates): nothing was counted. Anything else (a timeout, a 5xx):
                // pricing may have counted it before we stopped waiting, so give it back unless a retry books.
                boolean refused = e instanceof ApiException api && api.status() == 409;
                if (!refused) requestPromoRelease(q.promoCode(), id);
                throw e;
            }
        }
        Quote accepted;
        try {
            accepted = book(caller, scope, id, charterId, key);
        } catch (RuntimeException e) {
            if (counted != null) requestPromoRelease(counted, id);
            throw e;
        }
        log.info("quote {} accepted; charter {} booked ({})", id, charterId, caller.subject());
        return accepted;
    }

    /**
     * Two accepts of one quote (or of two quotes of one charter) queue on the charter's row lock;
     * the second then finds the quote accepted and the charter booked, and is refused.
     */
    private Quote book(Caller caller, ClientScope scope, UUID id, UUID charterId, String key) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead charter = charters.lock(tx, scope, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
            var q = quotes.lock(tx, id).orElseThrow(() -> ApiException.notFound("Quote"));
            if (key != null && key.equals(q.acceptKey())) return quotes.find(tx, scope, id).orElseThrow();
            refusalToAccept(tx, q, charter).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            quotes.markAccepted(tx, id, now, key);
            quotes.supersedeOthers(tx, charterId, id);
            charters.setStatus(tx, charter, CharterStatus.BOOKED, "quote version " + q.version() + " accepted",
                    caller.subject(), caller.email(), now);
            audit.statusChanged(tx, caller, charter, CharterStatus.BOOKED, "quote version " + q.version() + " accepted");
            outbox.enqueue(tx, QuoteEvents.PAYMENT_SCHEDULE_REQUESTED, new QuoteEvents.PaymentScheduleRequested(
                    charterId, charter.clientId(), id, q.total(), charter.pickupAt(), q.currency()));
            return quotes.find(tx, scope, id).orElseThrow();
        });
    }

    private Optional<String> refusalToAccept(DSLContext ctx, QuoteStore.QuoteRow q, CharterHead charter) {
        var state = new QuoteRules.QuoteState(q.stored(), q.validUntil(), q.version(), quotes.latestVersion(ctx, charter.id()));
        var refusal = QuoteRules.refusalToAccept(state, charter.status(), clock.instant());
        if (refusal.isPresent() || !q.promoReleaseUnderWay()) return refusal;
        // Booking now could rest on a use pricing is about to take back; once it has, a retry counts it again.
        return Optional.of("The promo code's use from an earlier attempt to accept this quote is being given back to "
                + "pricing-service; try again in a minute");
    }

    /** The trip's local date, as pricing priced it: the code's dates apply to it. */
    private LocalDate tripDate(CharterHead charter) {
        return charter.pickupAt().atZoneSameInstant(tripZone).toLocalDate();
    }

    /**
     * Queues the give-back of a counted use, in a statement of its own (the pool's context, not a
     * transaction's): it must commit although the booking did not. If even that fails, the use
     * stays counted and the log says so for someone to fix by hand.
     */
    private void requestPromoRelease(String code, UUID quoteId) {
        try {
            outbox.enqueue(dsl, QuoteEvents.PROMO_RELEASE_REQUESTED, new QuoteEvents.PromoReleaseRequested(code, quoteId));
            log.info("promo code {}: the use counted for quote {} is to be given back", code, quoteId);
        } catch (RuntimeException e) {
            log.error("promo code {} keeps a use counted for quote {}, whose acceptance failed; giving it back could not be queued: {}",
                    code, quoteId, e.toString());
        }
    }

    /**
     * The outbox delivery of {@link QuoteEvents.PromoReleaseRequested}, outside any transaction
     * but for two short ones around the call. Under the quote's row lock (which every accept takes
     * too) it skips a quote that is accepted by now — that booking owns the use, counted once per
     * quote — and otherwise marks the give-back as under way, so an accept until it is done is
     * refused rather than booked on a use about to be taken back. Then pricing gives the use back
     * (idempotently) and the mark is cleared. A failure leaves the mark and the outbox tries again;
     * while one event's give-back is under way another one's for the same quote waits its turn.
     */
    void givePromoBack(UUID eventId, QuoteEvents.PromoReleaseRequested request) {
        UUID quoteId = request.quoteId();
        boolean giveBack = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var q = quotes.lock(tx, quoteId);
            if (q.isEmpty()) return true; // no quote, no booking that could own the use
            if (q.get().stored() == QuoteStatus.ACCEPTED) return false;
            UUID underWay = q.get().promoReleaseEvent();
            if (underWay != null && !underWay.equals(eventId)) {
                throw new IllegalStateException("another give-back of quote " + quoteId + "'s promo use (" + underWay + ") is under way");
            }
            quotes.startPromoRelease(tx, quoteId, eventId);
            return true;
        });
        if (!giveBack) {
            log.info("promo code {}: quote {} was accepted after all; its use stays counted", request.code(), quoteId);
            return;
        }
        pricing.release(request.code(), quoteId);
        quotes.endPromoRelease(dsl, quoteId, eventId);
        log.info("promo code {}: the use counted for quote {} is given back", request.code(), quoteId);
    }

    /**
     * The give-back failed on every attempt: clear its mark, or the quote could never be accepted.
     * Whether pricing took the use back or not, a later accept is right: pricing redeems once per
     * quote, so it either reuses the use still counted or counts it again after a give-back.
     */
    void promoGiveBackAbandoned(UUID eventId, QuoteEvents.PromoReleaseRequested request, String lastError) {
        quotes.endPromoRelease(dsl, request.quoteId(), eventId);
        log.error("promo code {}: giving back the use counted for quote {} failed for good ({}); the quote can be accepted again "
                + "and reuses that use, but if it never is, the code keeps one use too many until someone gives it back",
                request.code(), request.quoteId(), lastError);
    }

    public Quote reject(Caller caller, ClientScope scope, UUID id, String reason) {
        UUID charterId = quotes.charterOf(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Quote"));
        Quote rejected = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            charters.lock(tx, scope, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
            var q = quotes.lock(tx, id).orElseThrow(() -> ApiException.notFound("Quote"));
            var state = new QuoteRules.QuoteState(q.stored(), q.validUntil(), q.version(), q.version());
            QuoteRules.refusalToReject(state, clock.instant()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            quotes.markRejected(tx, id, OffsetDateTime.now(clock), reason);
            return quotes.find(tx, scope, id).orElseThrow();
        });
        log.info("quote {} rejected ({})", id, caller.subject());
        return rejected;
    }

    private ClientInfo clientOf(CharterHead head) {
        return clients.client(head.clientId()).orElseThrow(() ->
                ApiException.conflict("The charter's client no longer exists in client-service"));
    }
}
