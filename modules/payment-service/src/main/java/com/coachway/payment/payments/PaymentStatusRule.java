package com.coachway.payment.payments;

/**
 * Where a payment goes on each Stripe outcome, whatever order the events arrive in: succeeded is
 * final (a late payment_failed of an earlier attempt never reverts it), a failed attempt may still
 * be followed by a successful one, and each outcome applied twice changes nothing.
 */
public final class PaymentStatusRule {
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    private PaymentStatusRule() {
    }

    public static String afterSucceeded(String current) {
        return SUCCEEDED;
    }

    public static String afterFailed(String current) {
        return SUCCEEDED.equals(current) ? SUCCEEDED : FAILED;
    }
}
