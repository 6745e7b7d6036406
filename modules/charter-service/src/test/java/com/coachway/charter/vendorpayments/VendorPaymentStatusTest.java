package com.coachway.charter.vendorpayments;

import org.junit.jupiter.api.Test;

import static com.coachway.charter.vendorpayments.VendorPaymentStatus.APPROVED;
import static com.coachway.charter.vendorpayments.VendorPaymentStatus.PAID;
import static com.coachway.charter.vendorpayments.VendorPaymentStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorPaymentStatusTest {
    @Test
    void a_payment_is_approved_then_paid_and_nothing_else() {
        for (VendorPaymentStatus from : VendorPaymentStatus.values()) {
            for (VendorPaymentStatus to : VendorPaymentStatus.values()) {
                boolean expected = (from == PENDING && to == APPROVED) || (from == APPROVED && to == PAID);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
                assertEquals(!expected, from.refusal(to).isPresent(), from + " -> " + to);
            }
        }
    }

    @Test
    void refusals_name_the_current_status() {
        assertEquals("The payment is pending; it must be approved before it is paid", PENDING.refusal(PAID).orElseThrow());
        assertEquals("The payment is already approved", APPROVED.refusal(APPROVED).orElseThrow());
        assertTrue(PAID.refusal(APPROVED).orElseThrow().contains("is paid"));
    }
}
