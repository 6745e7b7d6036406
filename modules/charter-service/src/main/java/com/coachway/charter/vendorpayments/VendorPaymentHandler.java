package com.coachway.charter.vendorpayments;

import com.coachway.common.auth.ClientScope;
import com.coachway.charter.charters.CharterHead;
import com.coachway.charter.charters.CharterStatus;
import com.coachway.charter.charters.CharterStore;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What charters owe vendors, and its release: pending → approved → paid. */
public final class VendorPaymentHandler {
    private static final Logger log = LoggerFactory.getLogger(VendorPaymentHandler.class);

    private final DSLContext dsl;
    private final VendorPaymentStore payments;
    private final CharterStore charters;
    private final Clock clock;

    public VendorPaymentHandler(DSLContext dsl, VendorPaymentStore payments, CharterStore charters, Clock clock) {
        this.dsl = dsl;
        this.payments = payments;
        this.charters = charters;
        this.clock = clock;
    }

    public void list(Context ctx) {
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        if (charters.head(charterId).isEmpty()) throw ApiException.notFound("Charter");
        ctx.json(payments.list(charterId, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        UUID vendorId = in.requiredUuid("vendor_id");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        LocalDate dueDate = in.requiredDate("due_date");
        String notes = in.optionalString("notes");
        if (dueDate != null && (dueDate.getYear() < 2000 || dueDate.getYear() >= 2100)) in.error("due_date", "must be between 2000 and 2100");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(vendorId, amount.stripTrailingZeros().toPlainString(), dueDate, notes);

        UUID id = Ids.newId();
        VendorPayment created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // Locked like a status change, so the charter's state cannot move while the payment is recorded;
            // the lock also queues retries under one key, so the second sees the first's payment.
            CharterHead charter = charters.lock(tx, charterId).orElseThrow(() -> ApiException.notFound("Charter"));
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
            payments.insert(tx, id, charterId, vendorId, amount, dueDate, notes, key, fingerprint, caller.subject(), OffsetDateTime.now(clock));
            return payments.find(tx, id).orElseThrow();
        });
        if (!created.id().equals(id)) {
            log.info("vendor payment {} answered again for Idempotency-Key retry by {}", created.id(), caller.subject());
            ctx.status(201).header("Location", "/vendor-payments/" + created.id()).json(created);
            return;
        }
        log.info("vendor payment {} of {} recorded on charter {} by {}", id, amount, charterId, caller.subject());
        ctx.status(201).header("Location", "/vendor-payments/" + id).json(created);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Vendor payment");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String status = in.requiredEnum("status", List.of("approved", "paid"));
        in.validate();
        VendorPaymentStatus target = VendorPaymentStatus.of(status);

        VendorPayment updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            VendorPayment before = payments.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vendor payment"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            VendorPaymentStatus.of(before.status()).refusal(target).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            payments.advance(tx, id, target, caller.subject(), OffsetDateTime.now(clock));
            return payments.find(tx, id).orElseThrow();
        });
        log.info("vendor payment {} is now {} ({})", id, target.code(), caller.subject());
        ctx.json(updated);
    }
}
