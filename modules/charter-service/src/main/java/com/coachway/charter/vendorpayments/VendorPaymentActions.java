package com.coachway.charter.vendorpayments;

import com.coachway.charter.charters.CharterAudit;
import com.coachway.charter.charters.CharterHead;
import com.coachway.charter.charters.CharterStatus;
import com.coachway.charter.charters.CharterStore;
import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.outbox.Outbox;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What charters owe vendors, and its release: pending → approved → paid. Every payment recorded
 * and every step of its release tells finance-service (a bill, then its payment) through the
 * outbox, in the same transaction as the change.
 */
public final class VendorPaymentActions {
    private static final Logger log = LoggerFactory.getLogger(VendorPaymentActions.class);

    private final DSLContext dsl;
    private final VendorPaymentStore payments;
    private final CharterStore charters;
    private final Outbox outbox;
    private final VendorPaymentAudit audit;
    private final CharterAudit charterAudit;
    private final Clock clock;

    public VendorPaymentActions(DSLContext dsl, VendorPaymentStore payments, CharterStore charters, Outbox outbox,
                                VendorPaymentAudit audit, CharterAudit charterAudit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.charterAudit = charterAudit;
        this.payments = payments;
        this.charters = charters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The payment as it is now, and its event for finance-service, in the transaction that changed it. */
    private VendorPayment changed(DSLContext tx, UUID id) {
        VendorPayment p = payments.find(tx, id).orElseThrow();
        outbox.enqueue(tx, VendorPaymentEvents.CHANGED, VendorPaymentEvents.changed(p));
        return p;
    }

    public Page<VendorPayment> list(ClientScope scope, UUID charterId, PageRequest page) {
        if (charters.head(dsl, scope, charterId).isEmpty()) throw ApiException.notFound("Charter");
        return payments.list(dsl, charterId, page);
    }

    public record NewPayment(UUID vendorId, BigDecimal amount, LocalDate dueDate, String notes) {
    }

    /** Records the payment, or answers the one recorded earlier under the same Idempotency-Key. */
    public VendorPayment create(Caller caller, ClientScope scope, UUID charterId, NewPayment p, String key, String fingerprint) {
        UUID id = Ids.newId();
        VendorPayment created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // Locked like a status change, so the charter's state cannot move while the payment is recorded;
            // the lock also queues retries under one key, so the second sees the first's payment.
            CharterHead charter = charters.lock(tx, scope, charterId).orElseThrow(() -> ApiException.notFound("Charter"));
            if (key != null) {
                var earlier = payments.byKey(tx, charterId, key);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw ApiException.conflict("This Idempotency-Key was used for a different vendor payment on this charter");
                    }
                    return payments.find(tx, earlier.get().id()).orElseThrow();
                }
            }
            if (charter.status() == CharterStatus.INQUIRY || charter.status() == CharterStatus.QUOTED) {
                throw ApiException.conflict("The charter is " + charter.status().code()
                        + "; vendor payments are recorded once it is booked");
            }
            payments.insert(tx, id, charterId, p.vendorId(), p.amount(), p.dueDate(), p.notes(), key, fingerprint,
                    caller.subject(), OffsetDateTime.now(clock));
            VendorPayment recorded = changed(tx, id);
            audit.changed(tx, caller, null, recorded);
            return recorded;
        });
        if (!created.id().equals(id)) log.info("vendor payment {} answered again for Idempotency-Key retry by {}", created.id(), caller.subject());
        else log.info("vendor payment {} of {} recorded on charter {} by {}", id, p.amount(), charterId, caller.subject());
        return created;
    }

    public record Award(UUID vendorId, UUID bidId, BigDecimal amount, LocalDate dueDate, String notes) {
    }

    /**
     * An awarded bid: in one transaction the charter gets its vendor and owes it the bid amount.
     * The Idempotency-Key (vendor-service sends its outbox event id) makes a redelivery answer the
     * first payment; an award to a second vendor is refused, whoever asks.
     */
    public VendorPayment award(Caller caller, UUID charterId, Award a, String key, String fingerprint) {
        UUID id = Ids.newId();
        VendorPayment recorded = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead charter = charters.lock(tx, ClientScope.all(), charterId).orElseThrow(() -> ApiException.notFound("Charter"));
            var earlier = payments.byKey(tx, charterId, key);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    throw ApiException.conflict("This Idempotency-Key was used for a different award on this charter");
                }
                return payments.find(tx, earlier.get().id()).orElseThrow();
            }
            if (charter.status() != CharterStatus.BOOKED && charter.status() != CharterStatus.CONFIRMED) {
                throw ApiException.conflict("The charter is " + charter.status().code() + "; only a booked or confirmed charter is awarded to a vendor");
            }
            if (charter.vendorId() != null) {
                throw ApiException.conflict("The charter is already awarded to vendor " + charter.vendorId());
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            charters.setVendor(tx, charterId, a.vendorId(), now);
            String notes = a.notes() != null ? a.notes() : "Awarded bid " + a.bidId();
            payments.insert(tx, id, charterId, a.vendorId(), a.amount(), a.dueDate(), notes, key, fingerprint, caller.subject(), now);
            charterAudit.vendorAwarded(tx, caller, charter, a.vendorId(), a.bidId(), id, a.amount());
            return changed(tx, id);
        });
        if (recorded.id().equals(id)) {
            log.info("charter {} awarded to vendor {} (bid {}) for {} by {}", charterId, a.vendorId(), a.bidId(), a.amount(), caller.subject());
        }
        return recorded;
    }

    public VendorPayment advance(Caller caller, UUID id, int version, VendorPaymentStatus target) {
        VendorPayment updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            VendorPayment before = payments.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vendor payment"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            VendorPaymentStatus.of(before.status()).refusal(target).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            payments.advance(tx, id, target, caller.subject(), OffsetDateTime.now(clock));
            VendorPayment after = changed(tx, id);
            audit.changed(tx, caller, before.status(), after);
            return after;
        });
        log.info("vendor payment {} is now {} ({})", id, target.code(), caller.subject());
        return updated;
    }
}
