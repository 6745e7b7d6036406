package com.coachway.charter.vendorpayments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outbox events vendor payments cause; receivers dedupe on the outbox event id. */
public final class VendorPaymentEvents {
    /** For finance-service: a vendor payment was recorded (a bill) or moved to approved or paid. */
    public static final String CHANGED = "vendor_payment.changed";

    private VendorPaymentEvents() {
    }

    /** The body of finance's {@code POST /events/vendor-payment}: the payment as it is after the change. */
    public record VendorPaymentChanged(UUID vendorPaymentId, UUID charterId, UUID vendorId, BigDecimal amount,
                                       LocalDate dueDate, String status, OffsetDateTime changedAt) {
    }

    public static VendorPaymentChanged changed(VendorPayment p) {
        return new VendorPaymentChanged(p.id(), p.charterId(), p.vendorId(), p.amount(), p.dueDate(), p.status(), p.updatedAt());
    }
}
