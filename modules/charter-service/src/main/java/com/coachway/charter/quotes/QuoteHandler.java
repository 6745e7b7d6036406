package com.coachway.charter.quotes;

import com.coachway.common.auth.ClientScope;
import com.coachway.charter.charters.CharterHead;
import com.coachway.charter.charters.CharterStatus;
import com.coachway.charter.charters.CharterStore;
import com.coachway.charter.remote.ClientDirectory;
import com.coachway.charter.remote.ClientDirectory.ClientInfo;
import com.coachway.charter.remote.Pricing;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Problems;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.outbox.Outbox;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Quotes: price a charter, list them, send one, accept or reject it. */
public final class QuoteHandler {
    private static final Logger log = LoggerFactory.getLogger(QuoteHandler.class);

    private final DSLContext dsl;
    private final QuoteStore quotes;
    private final CharterStore charters;
    private final ClientDirectory clients;
    private final Pricing pricing;
    private final Outbox outbox;
    private final ZoneId tripZone;
    private final Clock clock;

    public QuoteHandler(DSLContext dsl, QuoteStore quotes, CharterStore charters, ClientDirectory clients,
                        Pricing pricing, Outbox outbox, ZoneId tripZone, Clock clock) {
        this.dsl = dsl;
        this.quotes = quotes;
        this.charters = charters;
        this.clients = clients;
        this.pricing = pricing;
        this.outbox = outbox;
        this.tripZone = tripZone;
        this.clock = clock;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        CharterHead head = charters.head(charterId).orElseThrow(() -> ApiException.notFound("Charter"));
        ClientScope.check(caller, head.clientId(), "Charter");
        ctx.json(quotes.list(charterId, page));
    }

    public void get(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        Quote quote = quotes.find(Ids.pathId(ctx, "id", "Quote")).orElseThrow(() -> ApiException.notFound("Quote"));
        ClientScope.check(caller, charterOf(quote.charterId(), "Quote").clientId(), "Quote");
        ctx.json(quote);
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        String promo = OptionalBody.read(ctx).map(in -> {
            String code = in.optionalString("promo_code");
            if (code != null && code.isBlank()) in.error("promo_code", "must not be blank");
            in.validate();
            return code;
        }).orElse(null);
        CharterHead head = charters.head(charterId).orElseThrow(() -> ApiException.notFound("Charter"));
        ClientScope.check(caller, head.clientId(), "Charter");
        QuoteRules.refusalToQuote(head.status(), head.tripType(), head.miles()).ifPresent(why -> {
            throw ApiException.conflict(why);
        });

        // Priced outside the transaction: no row stays locked while pricing-service works.
        ClientInfo client = clientOf(head);
        var counts = new LinkedHashMap<String, Integer>();
        charters.lines(charterId).forEach(l -> counts.merge(l.vehicleType(), 1, Integer::sum));
        Pricing.Priced priced = pricing.calculate(new Pricing.CalculateRequest(
                counts.entrySet().stream().map(e -> new Pricing.VehicleCount(e.getKey(), e.getValue())).toList(),
                head.pickupAt(), head.endsAt(), head.miles() == null ? 0 : head.miles(), head.amenities(), promo,
                client.isTaxExempt()));
        requireComplete(priced);

        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Quote created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, charterId).orElseThrow(() -> ApiException.notFound("Charter"));
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
            return quotes.find(tx, id).orElseThrow();
        });
        log.info("quote {} version {} of charter {} priced at {}", id, created.version(), charterId, created.total());
        ctx.status(201).header("Location", "/quotes/" + id).json(created);
    }

    /** pricing-service answered 2xx; a breakdown without its money is its bug, not our caller's. */
    private static void requireComplete(Pricing.Priced p) {
        if (p == null || p.lines() == null || p.subtotal() == null || p.discount() == null || p.fuelSurcharge() == null
                || p.tax() == null || p.total() == null || p.lines().stream().anyMatch(l -> l.amount() == null)) {
            throw new ApiException(502, Problems.UPSTREAM, "Bad gateway",
                    "pricing-service answered without a complete price; quote the request id when reporting it", null);
        }
    }

    public void send(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        String key = IdempotencyKeys.read(ctx);
        OptionalBody.requireEmpty(ctx);
        UUID charterId = quotes.charterOf(id).orElseThrow(() -> ApiException.notFound("Quote"));
        CharterHead head = charterOf(charterId, "Quote");
        ClientScope.check(caller, head.clientId(), "Quote");
        // Whom to write to is looked up first, so a slow client-service holds no locks.
        ClientInfo client = clientOf(head);
        var contact = head.contactId() == null ? null : clients.contact(head.clientId(), head.contactId()).orElse(null);
        boolean toContact = contact != null && contact.email() != null && !contact.email().isBlank();
        String to = toContact ? contact.email() : client.email();
        String recipientName = toContact ? contact.name() : client.name();

        Quote sent = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead charter = charters.lock(tx, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
            var q = quotes.lock(tx, id).orElseThrow(() -> ApiException.notFound("Quote"));
            if (key != null && key.equals(q.sendKey())) return quotes.find(tx, id).orElseThrow();
            var state = new QuoteRules.QuoteState(q.stored(), q.validUntil(), q.version(), quotes.latestVersion(tx, charterId));
            QuoteRules.refusalToSend(state, charter.status(), clock.instant()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            quotes.markSent(tx, id, now, to, key);
            if (charter.status() == CharterStatus.INQUIRY) {
                charters.setStatus(tx, charter, CharterStatus.QUOTED, "quote version " + q.version() + " sent",
                        caller.subject(), caller.email(), now);
            }
            outbox.enqueue(tx, QuoteEvents.NOTIFICATION_REQUESTED, new QuoteEvents.NotificationRequested("email", to,
                    QuoteEvents.QUOTE_SENT_TEMPLATE, new QuoteEvents.QuoteSentData(charterId, charter.reference(), id,
                    q.version(), client.name(), recipientName, charter.pickupAt(), q.total(), q.currency(), q.validUntil())));
            return quotes.find(tx, id).orElseThrow();
        });
        log.info("quote {} of charter {} sent to the outbox for {}", id, charterId, caller.subject());
        ctx.json(sent);
    }

    public void accept(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        String key = IdempotencyKeys.read(ctx);
        OptionalBody.requireEmpty(ctx);
        UUID charterId = quotes.charterOf(id).orElseThrow(() -> ApiException.notFound("Quote"));
        ClientScope.check(caller, charterOf(charterId, "Quote").clientId(), "Quote");

        // Two accepts of one quote (or of two quotes of one charter) queue on the charter's row lock;
        // the second then finds the quote accepted and the charter booked, and is refused.
        var redeemed = new AtomicReference<String>();
        Quote accepted;
        try {
            accepted = acceptInTransaction(caller, id, charterId, key, redeemed);
        } catch (RuntimeException e) {
            // The promo use was counted for a booking that did not happen: give it back.
            if (redeemed.get() != null) releaseUnlessAccepted(charterId, id, redeemed.get());
            throw e;
        }
        log.info("quote {} accepted; charter {} booked ({})", id, charterId, caller.subject());
        ctx.json(accepted);
    }

    /**
     * Under the charter's lock, as accepts are: a retry of this accept may have booked the quote
     * since this attempt failed, and then the use it counted (one per quote) is that booking's.
     */
    private void releaseUnlessAccepted(UUID charterId, UUID quoteId, String code) {
        try {
            dsl.transaction(c -> {
                DSLContext tx = c.dsl();
                charters.lock(tx, charterId);
                boolean accepted = quotes.lock(tx, quoteId).map(q -> q.stored() == QuoteStatus.ACCEPTED).orElse(false);
                if (!accepted) pricing.release(code, quoteId);
            });
        } catch (RuntimeException e) {
            log.warn("promo code {} keeps a use counted for quote {}, whose acceptance failed: {}", code, quoteId, e.toString());
        }
    }

    private Quote acceptInTransaction(Caller caller, UUID id, UUID charterId, String key, AtomicReference<String> redeemed) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead charter = charters.lock(tx, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
            var q = quotes.lock(tx, id).orElseThrow(() -> ApiException.notFound("Quote"));
            if (key != null && key.equals(q.acceptKey())) return quotes.find(tx, id).orElseThrow();
            var state = new QuoteRules.QuoteState(q.stored(), q.validUntil(), q.version(), quotes.latestVersion(tx, charterId));
            QuoteRules.refusalToAccept(state, charter.status(), clock.instant()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            // Counted before we commit, so a code used up meanwhile refuses the accept instead of
            // being overdrawn; counting is idempotent per quote, so a retry after a failure is safe.
            if (q.promoCode() != null) {
                pricing.redeem(q.promoCode(), id, charter.pickupAt().atZoneSameInstant(tripZone).toLocalDate());
                redeemed.set(q.promoCode());
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            quotes.markAccepted(tx, id, now, key);
            quotes.supersedeOthers(tx, charterId, id);
            charters.setStatus(tx, charter, CharterStatus.BOOKED, "quote version " + q.version() + " accepted",
                    caller.subject(), caller.email(), now);
            outbox.enqueue(tx, QuoteEvents.PAYMENT_SCHEDULE_REQUESTED, new QuoteEvents.PaymentScheduleRequested(
                    charterId, charter.clientId(), id, q.total(), charter.pickupAt(), q.currency()));
            return quotes.find(tx, id).orElseThrow();
        });
    }

    public void reject(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Quote");
        String reason = OptionalBody.read(ctx).map(in -> {
            String r = in.optionalString("reason");
            in.validate();
            return r;
        }).orElse(null);
        UUID charterId = quotes.charterOf(id).orElseThrow(() -> ApiException.notFound("Quote"));
        ClientScope.check(caller, charterOf(charterId, "Quote").clientId(), "Quote");

        Quote rejected = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            charters.lock(tx, charterId).orElseThrow(() -> ApiException.notFound("Quote"));
            var q = quotes.lock(tx, id).orElseThrow(() -> ApiException.notFound("Quote"));
            var state = new QuoteRules.QuoteState(q.stored(), q.validUntil(), q.version(), q.version());
            QuoteRules.refusalToReject(state, clock.instant()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            quotes.markRejected(tx, id, OffsetDateTime.now(clock), reason);
            return quotes.find(tx, id).orElseThrow();
        });
        log.info("quote {} rejected ({})", id, caller.subject());
        ctx.json(rejected);
    }

    private CharterHead charterOf(UUID charterId, String what) {
        return charters.head(charterId).orElseThrow(() -> ApiException.notFound(what));
    }

    private ClientInfo clientOf(CharterHead head) {
        return clients.client(head.clientId()).orElseThrow(() ->
                ApiException.conflict("The charter's client no longer exists in client-service"));
    }
}
