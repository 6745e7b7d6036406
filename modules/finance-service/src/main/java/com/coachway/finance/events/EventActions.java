package com.coachway.finance.events;

import com.coachway.common.http.ApiException;
import com.coachway.finance.events.EventReceipts.Outcome;
import com.coachway.finance.events.EventReceipts.Result;
import com.coachway.finance.invoices.CharterStateStore;
import com.coachway.finance.invoices.PaymentStore;
import com.coachway.finance.invoices.Receivables;
import com.coachway.finance.ledger.Entry;
import com.coachway.finance.ledger.Ledger;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The events other services' outboxes send us: payments and refunds from payment-service,
 * charters completed or cancelled from charter-service. Each is applied once (per event id and
 * per natural key) under the client's row lock, booked on its own date in TZ — or, when that
 * month is closed, on the first day of the next open one.
 */
public final class EventActions {
    private static final Logger log = LoggerFactory.getLogger(EventActions.class);
    public static final String PAYMENT_RECORDED = "payment.recorded";
    public static final String PAYMENT_REFUNDED = "payment.refunded";
    public static final String CHARTER_STATUS = "charter.status";

    private final EventReceipts receipts;
    private final Receivables receivables;
    private final PaymentStore payments;
    private final CharterStateStore charterStates;
    private final Ledger ledger;
    private final ZoneId zone;
    private final Clock clock;

    public EventActions(EventReceipts receipts, Receivables receivables, PaymentStore payments, CharterStateStore charterStates,
                        Ledger ledger, ZoneId zone, Clock clock) {
        this.receipts = receipts;
        this.receivables = receivables;
        this.payments = payments;
        this.charterStates = charterStates;
        this.ledger = ledger;
        this.zone = zone;
        this.clock = clock;
    }

    private LocalDate dayOf(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }

    public record PaymentRecorded(UUID paymentId, UUID charterId, UUID clientId, BigDecimal amount, String method, String reference,
                                  OffsetDateTime receivedAt, BigDecimal fee) {
    }

    public Result paymentRecorded(String eventId, PaymentRecorded p) {
        Result r = receipts.once(eventId, PAYMENT_RECORDED, tx -> {
            receivables.lockClient(tx, p.clientId());
            var seen = payments.find(tx, p.paymentId());
            if (seen.isPresent()) return Outcome.duplicate(seen.get().entryId());
            LocalDate on = ledger.eventDate(tx, dayOf(p.receivedAt()));
            Entry e = receivables.receivePayment(tx, new Receivables.NewPayment(p.paymentId(), p.clientId(), p.charterId(), p.amount(),
                    p.fee(), p.method(), p.reference()), on, eventId);
            return Outcome.applied(e.id());
        });
        log.info("event {} payment {} of {} for client {}: {}", eventId, p.paymentId(), p.amount(), p.clientId(), r.status());
        return r;
    }

    public record PaymentRefunded(UUID refundId, UUID paymentId, UUID charterId, UUID clientId, BigDecimal amount, String method,
                                  String reason, OffsetDateTime refundedAt) {
    }

    public Result paymentRefunded(String eventId, PaymentRefunded f) {
        Result r = receipts.once(eventId, PAYMENT_REFUNDED, tx -> {
            var unlocked = payments.find(tx, f.paymentId())
                    .orElseThrow(() -> ApiException.conflict("Payment " + f.paymentId() + " has not been received by finance yet; retry later"));
            receivables.lockClient(tx, unlocked.clientId());
            var seen = payments.findRefund(tx, f.refundId());
            if (seen.isPresent()) return Outcome.duplicate(seen.get().entryId());
            var payment = payments.find(tx, f.paymentId()).orElseThrow();
            LocalDate on = ledger.eventDate(tx, dayOf(f.refundedAt()));
            Entry e = receivables.refund(tx, f.refundId(), payment, f.amount(), on, f.method(), f.reason(), eventId);
            return Outcome.applied(e.id());
        });
        log.info("event {} refund {} of {} on payment {}: {}", eventId, f.refundId(), f.amount(), f.paymentId(), r.status());
        return r;
    }

    public record CharterStatus(UUID charterId, UUID clientId, String status, OffsetDateTime changedAt) {
    }

    public Result charterStatus(String eventId, CharterStatus s) {
        Result r = receipts.once(eventId, CHARTER_STATUS, tx -> {
            receivables.lockClient(tx, s.clientId());
            var known = charterStates.find(tx, s.charterId());
            if (known.isPresent() && (known.get().status().equals(s.status()) || known.get().completed())) {
                return Outcome.duplicate(ledger.posted(tx, Receivables.RECOGNISED, s.charterId()).map(Entry::id).orElse(null));
            }
            LocalDate on = ledger.eventDate(tx, dayOf(s.changedAt()));
            charterStates.record(tx, s.charterId(), s.clientId(), s.status(), on, OffsetDateTime.now(clock));
            if (!"completed".equals(s.status())) return Outcome.applied(null);
            Entry e = receivables.recognise(tx, s.charterId(), on);
            return Outcome.applied(e == null ? null : e.id());
        });
        log.info("event {} charter {} {}: {}", eventId, s.charterId(), s.status(), r.status());
        return r;
    }
}
