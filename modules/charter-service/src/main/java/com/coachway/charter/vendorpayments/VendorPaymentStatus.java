package com.coachway.charter.vendorpayments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** pending → approved → paid, one step at a time, never back: an accountant's two-step release. */
public enum VendorPaymentStatus {
    PENDING, APPROVED, PAID;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VendorPaymentStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown vendor payment status " + code));
    }

    public boolean canMoveTo(VendorPaymentStatus next) {
        return (this == PENDING && next == APPROVED) || (this == APPROVED && next == PAID);
    }

    /** Why this payment cannot go to {@code next}, naming its current status; empty when it can. */
    public Optional<String> refusal(VendorPaymentStatus next) {
        if (canMoveTo(next)) return Optional.empty();
        if (this == next) return Optional.of("The payment is already " + code());
        if (this == PAID) return Optional.of("The payment is paid; it cannot change any more");
        if (this == PENDING) return Optional.of("The payment is pending; it must be approved before it is paid");
        return Optional.of("The payment is " + code() + "; it can only become paid");
    }
}
