package com.coachway.payment.payments;

import java.math.BigDecimal;
import java.util.Optional;

/** What of a payment can still be refunded: its amount less the refunds that succeeded or are under way. */
public final class RefundRule {
    private RefundRule() {
    }

    public static BigDecimal refundable(String status, BigDecimal amount, BigDecimal committed) {
        if (!PaymentStatusRule.SUCCEEDED.equals(status)) return BigDecimal.ZERO.setScale(2);
        BigDecimal left = amount.subtract(committed);
        return (left.signum() > 0 ? left : BigDecimal.ZERO).setScale(2);
    }

    /** Why {@code requested} cannot be refunded now, naming the payment's state or what is refundable. */
    public static Optional<String> refusal(String status, BigDecimal amount, BigDecimal committed, BigDecimal requested) {
        if (!PaymentStatusRule.SUCCEEDED.equals(status)) {
            return Optional.of("The payment is " + status + "; only a succeeded payment can be refunded");
        }
        BigDecimal refundable = refundable(status, amount, committed);
        if (requested.compareTo(refundable) > 0) {
            return Optional.of("Only " + refundable.toPlainString() + " of this payment of " + amount.setScale(2).toPlainString()
                    + " is refundable; " + requested.setScale(2).toPlainString() + " was asked for");
        }
        return Optional.empty();
    }
}
