package com.coachway.vendor.bidding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiddingRulesTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final OffsetDateTime NOW = OffsetDateTime.parse("2027-03-01T12:00:00Z");
    static final OffsetDateTime PICKUP = OffsetDateTime.parse("2027-03-20T08:00:00-04:00");

    @Test
    void respond_by_must_be_ahead_and_before_the_pickup() {
        assertEquals(Optional.of("must be in the future"), BiddingRules.respondByProblem(NOW, PICKUP, NOW));
        assertEquals(Optional.of("must be in the future"), BiddingRules.respondByProblem(NOW.minusSeconds(1), PICKUP, NOW));
        assertEquals(Optional.of("must be before pickup_at"), BiddingRules.respondByProblem(PICKUP, PICKUP, NOW));
        assertEquals(Optional.empty(), BiddingRules.respondByProblem(NOW.plusSeconds(1), PICKUP, NOW));
    }

    @Test
    void bids_are_taken_until_respond_by_not_at_it() {
        assertFalse(BiddingRules.biddingClosed(NOW.plusNanos(1), NOW));
        assertTrue(BiddingRules.biddingClosed(NOW, NOW));
        assertTrue(BiddingRules.biddingClosed(NOW.minusSeconds(1), NOW));
    }

    @Test
    void the_vendor_payment_is_due_days_after_the_trips_last_local_day() {
        // 01:30 UTC on the 22nd is still the 21st in New York
        assertEquals(LocalDate.of(2027, 4, 20), BiddingRules.dueDate(OffsetDateTime.parse("2027-03-22T01:30:00Z"), NEW_YORK, 30));
        assertEquals(LocalDate.of(2027, 3, 22), BiddingRules.dueDate(OffsetDateTime.parse("2027-03-22T05:00:00Z"), NEW_YORK, 0));
    }

    @Test
    void emails_show_times_in_the_company_zone() {
        assertEquals("2027-03-20 08:00 EDT", BiddingRules.forPeople(PICKUP, NEW_YORK));
    }
}
