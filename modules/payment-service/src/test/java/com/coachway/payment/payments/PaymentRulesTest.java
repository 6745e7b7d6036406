package com.coachway.payment.payments;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of payments: status after each Stripe outcome, what is refundable, which charters take payments. */
class PaymentRulesTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void succeeded_is_final_and_a_failure_only_fails_what_has_not_succeeded() {
        assertEquals("succeeded", PaymentStatusRule.afterSucceeded("pending"));
        assertEquals("succeeded", PaymentStatusRule.afterSucceeded("failed"));
        assertEquals("succeeded", PaymentStatusRule.afterSucceeded("succeeded"));
        assertEquals("failed", PaymentStatusRule.afterFailed("pending"));
        assertEquals("failed", PaymentStatusRule.afterFailed("failed"));
        assertEquals("succeeded", PaymentStatusRule.afterFailed("succeeded"));
    }

    @Test
    void refundable_is_the_amount_less_refunds_succeeded_or_under_way_of_a_succeeded_payment_only() {
        assertEquals(d("300.00"), RefundRule.refundable("succeeded", d("300.00"), d("0")));
        assertEquals(d("179.50"), RefundRule.refundable("succeeded", d("300.00"), d("120.50")));
        assertEquals(d("0.00"), RefundRule.refundable("succeeded", d("300.00"), d("300.00")));
        assertEquals(d("0.00"), RefundRule.refundable("pending", d("300.00"), d("0")));
        assertEquals(d("0.00"), RefundRule.refundable("failed", d("300.00"), d("0")));
    }

    @Test
    void a_refund_above_the_refundable_amount_or_of_an_unpaid_payment_is_refused_naming_why() {
        assertEquals(Optional.empty(), RefundRule.refusal("succeeded", d("300.00"), d("100.00"), d("200.00")));
        assertEquals(Optional.of("Only 200.00 of this payment of 300.00 is refundable; 200.01 was asked for"),
                RefundRule.refusal("succeeded", d("300.00"), d("100.00"), d("200.01")));
        assertEquals(Optional.of("The payment is pending; only a succeeded payment can be refunded"),
                RefundRule.refusal("pending", d("300.00"), d("0"), d("1")));
        assertTrue(RefundRule.refusal("failed", d("300.00"), d("0"), d("1")).orElseThrow().contains("is failed"));
    }

    @Test
    void booked_charters_take_payments_until_they_are_cancelled() {
        for (String ok : new String[]{"booked", "confirmed", "in_progress", "completed"}) assertEquals(Optional.empty(), ChargeRule.refusal(ok));
        assertEquals(Optional.of("The charter is quoted; payments are taken once it is booked"), ChargeRule.refusal("quoted"));
        assertEquals(Optional.of("The charter is inquiry; payments are taken once it is booked"), ChargeRule.refusal("inquiry"));
        assertTrue(ChargeRule.refusal("cancelled").orElseThrow().contains("cancelled"));
    }
}
