package com.coachway.vendor.vendors;

import org.junit.jupiter.api.Test;

import static com.coachway.vendor.vendors.VendorStatus.APPROVED;
import static com.coachway.vendor.vendors.VendorStatus.PENDING;
import static com.coachway.vendor.vendors.VendorStatus.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorStatusTest {
    @Test
    void the_legal_steps_are_approve_suspend_and_reinstate() {
        assertTrue(PENDING.canMoveTo(APPROVED));
        assertTrue(PENDING.canMoveTo(SUSPENDED));
        assertTrue(APPROVED.canMoveTo(SUSPENDED));
        assertTrue(SUSPENDED.canMoveTo(APPROVED));
    }

    @Test
    void nothing_goes_back_to_pending_or_stays_where_it_is_and_refusals_name_the_current_status() {
        for (VendorStatus s : VendorStatus.values()) {
            assertFalse(s.canMoveTo(s));
            assertEquals("The vendor is already " + s.code(), s.refusal(s).orElseThrow());
        }
        assertFalse(APPROVED.canMoveTo(PENDING));
        assertFalse(SUSPENDED.canMoveTo(PENDING));
        assertEquals("The vendor is approved; it cannot go back to pending", APPROVED.refusal(PENDING).orElseThrow());
        assertTrue(PENDING.refusal(APPROVED).isEmpty());
    }
}
