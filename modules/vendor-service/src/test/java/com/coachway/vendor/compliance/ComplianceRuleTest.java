package com.coachway.vendor.compliance;

import com.coachway.vendor.compliance.ComplianceRule.Paper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.coachway.vendor.compliance.ComplianceKind.LIABILITY_INSURANCE;
import static com.coachway.vendor.compliance.ComplianceKind.OPERATING_AUTHORITY;
import static com.coachway.vendor.compliance.ComplianceKind.VEHICLE_INSPECTION;
import static com.coachway.vendor.compliance.ComplianceKind.W9;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplianceRuleTest {
    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final UUID VENDOR = UUID.randomUUID();

    static Paper liability(String coverage, LocalDate expires) {
        return new Paper(LIABILITY_INSURANCE, expires, new BigDecimal(coverage));
    }

    /** Operating authority and W-9 valid for a year, plus the papers given. */
    static Compliance with(Paper... more) {
        var papers = new ArrayList<>(List.of(new Paper(OPERATING_AUTHORITY, TODAY.plusYears(1), null), new Paper(W9, null, null)));
        papers.addAll(List.of(more));
        return ComplianceRule.evaluate(VENDOR, papers, TODAY);
    }

    @Test
    void a_vendor_without_papers_misses_the_three_required_kinds() {
        var c = ComplianceRule.evaluate(VENDOR, List.of(), TODAY);
        assertFalse(c.compliant());
        assertEquals(List.of("liability_insurance", "operating_authority", "w9"), c.missing());
        assertEquals(List.of(), c.expired());
        assertEquals("missing liability_insurance, operating_authority, w9", c.why());
    }

    @Test
    void liability_coverage_of_exactly_five_million_qualifies_and_a_cent_less_does_not() {
        assertTrue(with(liability("5000000.00", TODAY.plusYears(1))).compliant());
        var short1 = with(liability("4999999.99", TODAY.plusYears(1)));
        assertFalse(short1.compliant());
        assertEquals(List.of("liability_insurance"), short1.missing());
        assertEquals("missing liability_insurance", short1.why());
    }

    @Test
    void a_liability_policy_without_coverage_does_not_qualify() {
        assertEquals(List.of("liability_insurance"), with(new Paper(LIABILITY_INSURANCE, TODAY.plusYears(1), null)).missing());
    }

    @Test
    void a_paper_expiring_today_is_still_valid_and_expiring() {
        var c = with(liability("5000000.00", TODAY));
        assertTrue(c.compliant());
        assertEquals(List.of("liability_insurance"), c.expiringWithin30Days());
    }

    @Test
    void expiring_in_30_days_is_listed_and_in_31_days_is_not() {
        assertEquals(List.of("liability_insurance"), with(liability("6000000.00", TODAY.plusDays(30))).expiringWithin30Days());
        var later = with(liability("6000000.00", TODAY.plusDays(31)));
        assertTrue(later.compliant());
        assertEquals(List.of(), later.expiringWithin30Days());
    }

    @Test
    void a_paper_that_expired_yesterday_makes_the_vendor_non_compliant() {
        var c = with(liability("5000000.00", TODAY.minusDays(1)));
        assertFalse(c.compliant());
        assertEquals(List.of("liability_insurance"), c.expired());
        assertEquals(List.of(), c.missing());
        assertEquals(List.of(), c.expiringWithin30Days());
        assertEquals("expired liability_insurance", c.why());
    }

    @Test
    void a_renewal_filed_beside_an_expiring_policy_is_what_counts() {
        var c = with(liability("5000000.00", TODAY.plusDays(5)), liability("5000000.00", TODAY.plusDays(400)));
        assertTrue(c.compliant());
        assertEquals(List.of(), c.expiringWithin30Days());
        var afterLapse = with(liability("5000000.00", TODAY.minusDays(10)), liability("5000000.00", TODAY.plusDays(400)));
        assertTrue(afterLapse.compliant());
        assertEquals(List.of(), afterLapse.expired());
    }

    @Test
    void an_expired_qualifying_policy_with_a_valid_but_too_small_one_is_expired_not_compliant() {
        var c = with(liability("5000000.00", TODAY.minusDays(1)), liability("1000000.00", TODAY.plusYears(1)));
        assertFalse(c.compliant());
        assertEquals(List.of("liability_insurance"), c.expired());
    }

    @Test
    void optional_kinds_never_go_missing_and_their_expiry_does_not_cost_compliance() {
        var c = with(liability("5000000.00", TODAY.plusYears(1)), new Paper(VEHICLE_INSPECTION, TODAY.minusDays(1), null));
        assertTrue(c.compliant());
        assertEquals(List.of("vehicle_inspection"), c.expired());
        assertEquals(List.of(), c.missing());
        assertEquals("", c.why());
    }

    @Test
    void a_paper_without_expiry_never_expires_nor_is_expiring() {
        var c = ComplianceRule.evaluate(VENDOR, List.of(new Paper(W9, null, null)), TODAY);
        assertFalse(c.expired().contains("w9"));
        assertFalse(c.missing().contains("w9"));
        assertFalse(c.expiringWithin30Days().contains("w9"));
    }
}
