package com.coachway.pricing.promos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromoRulesTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    static final LocalDate MAY_1 = LocalDate.parse("2026-05-01");

    static PromoCode promo(String type, String value, String from, String to, Integer maxUses, int uses, String min, boolean active) {
        return new PromoCode("SAVE", "", type, new BigDecimal(value), from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), maxUses, new BigDecimal(min), active, uses, 1, T0, T0);
    }

    static PromoRules.Check check(PromoCode p, String subtotal, LocalDate on) {
        return PromoRules.evaluate(p, "save", new BigDecimal(subtotal), on);
    }

    @Test
    void a_percent_code_takes_its_share_rounded_half_up() {
        assertEquals(new BigDecimal("12.35"), check(promo("percent", "10", null, null, null, 0, "0", true), "123.45", MAY_1).discount());
        assertEquals(new BigDecimal("100.00"), check(promo("percent", "100", null, null, null, 0, "0", true), "100.00", MAY_1).discount());
    }

    @Test
    void a_fixed_code_never_takes_more_than_the_subtotal() {
        assertEquals(new BigDecimal("50.00"), check(promo("fixed", "50", null, null, null, 0, "0", true), "80.00", MAY_1).discount());
        assertEquals(new BigDecimal("80.00"), check(promo("fixed", "500", null, null, null, 0, "0", true), "80.00", MAY_1).discount());
        assertEquals(new BigDecimal("0.00"), check(promo("fixed", "500", null, null, null, 0, "0", true), "0.00", MAY_1).discount());
    }

    @Test
    void the_dates_are_inclusive() {
        var p = promo("percent", "10", "2026-05-01", "2026-05-31", null, 0, "0", true);
        assertTrue(check(p, "100", MAY_1).valid());
        assertTrue(check(p, "100", LocalDate.parse("2026-05-31")).valid());
        assertEquals(PromoRules.Reason.NOT_YET_VALID, check(p, "100", LocalDate.parse("2026-04-30")).reason());
        assertEquals(PromoRules.Reason.EXPIRED, check(p, "100", LocalDate.parse("2026-06-01")).reason());
    }

    @Test
    void a_code_at_its_maximum_uses_is_used_up() {
        assertTrue(check(promo("percent", "10", null, null, 3, 2, "0", true), "100", MAY_1).valid());
        var used = check(promo("percent", "10", null, null, 3, 3, "0", true), "100", MAY_1);
        assertEquals(PromoRules.Reason.USED_UP, used.reason());
        assertEquals("promo code SAVE is used up (3 of 3 uses)", used.message());
        assertEquals(new BigDecimal("0.00"), used.discount());
    }

    @Test
    void the_priced_bookings_own_counted_use_leaves_room_for_itself_and_for_nothing_more() {
        var single = promo("percent", "10", null, null, 1, 1, "0", true);
        assertEquals(PromoRules.Reason.USED_UP, PromoRules.evaluate(single, "save", new BigDecimal("100"), MAY_1, false).reason());
        var own = PromoRules.evaluate(single, "save", new BigDecimal("100"), MAY_1, true);
        assertTrue(own.valid());
        assertEquals(new BigDecimal("10.00"), own.discount());
        // three of three taken, one of them ours: ours still applies; one more than allowed never does
        assertTrue(PromoRules.evaluate(promo("percent", "10", null, null, 3, 3, "0", true), "save", new BigDecimal("100"), MAY_1, true).valid());
        var over = PromoRules.evaluate(promo("percent", "10", null, null, 3, 4, "0", true), "save", new BigDecimal("100"), MAY_1, true);
        assertEquals(PromoRules.Reason.USED_UP, over.reason());
        assertEquals("promo code SAVE is used up (4 of 3 uses)", over.message());
    }

    @Test
    void the_own_use_relaxes_nothing_but_max_uses() {
        var hundred = new BigDecimal("100");
        assertEquals(PromoRules.Reason.INACTIVE,
                PromoRules.evaluate(promo("percent", "10", null, null, 1, 1, "0", false), "save", hundred, MAY_1, true).reason());
        assertEquals(PromoRules.Reason.EXPIRED,
                PromoRules.evaluate(promo("percent", "10", null, "2026-04-30", 1, 1, "0", true), "save", hundred, MAY_1, true).reason());
        assertEquals(PromoRules.Reason.NOT_YET_VALID,
                PromoRules.evaluate(promo("percent", "10", "2026-05-02", null, 1, 1, "0", true), "save", hundred, MAY_1, true).reason());
        assertEquals(PromoRules.Reason.BELOW_MIN_SUBTOTAL,
                PromoRules.evaluate(promo("percent", "10", null, null, 1, 1, "100.01", true), "save", hundred, MAY_1, true).reason());
        assertEquals(PromoRules.Reason.UNKNOWN, PromoRules.evaluate(null, "save", hundred, MAY_1, true).reason());
        assertEquals(Optional.empty(), PromoRules.unusable(promo("percent", "10", null, null, 1, 1, "0", true), MAY_1, true));
    }

    @Test
    void the_minimum_subtotal_is_inclusive() {
        var p = promo("percent", "10", null, null, null, 0, "500.00", true);
        assertTrue(check(p, "500.00", MAY_1).valid());
        var below = check(p, "499.99", MAY_1);
        assertEquals(PromoRules.Reason.BELOW_MIN_SUBTOTAL, below.reason());
        assertEquals("promo code SAVE needs a subtotal of at least 500.00", below.message());
    }

    @Test
    void an_inactive_code_is_refused_before_anything_else() {
        var p = promo("percent", "10", "2030-01-01", null, 1, 1, "9999", false);
        assertEquals(PromoRules.Reason.INACTIVE, check(p, "1", MAY_1).reason());
    }

    @Test
    void an_unknown_code_says_so_in_upper_case() {
        var c = PromoRules.evaluate(null, "spring", BigDecimal.TEN, MAY_1);
        assertFalse(c.valid());
        assertEquals(PromoRules.Reason.UNKNOWN, c.reason());
        assertEquals("SPRING is not a known promo code", c.message());
    }

    @Test
    void a_code_is_upper_cased_and_nothing_else() {
        assertEquals(Optional.of("FZ-X"), PromoRules.storedForm("fz-x"));
        assertEquals(Optional.of("SPRING_10"), PromoRules.storedForm("Spring_10"));
        assertEquals("FZ-X ", PromoRules.normalize("fz-x "));
    }

    @ParameterizedTest(name = "\"{0}\" names no code")
    @ValueSource(strings = {"FZ-X ", " FZ-X", "FZ-X\t", "FZ-X\n", "FZ X", "FZ-X\u00a0", "f\u0131z-x", "\u017fpring", "FZ-X%20", "ab", ""})
    void a_code_with_whitespace_or_foreign_characters_is_not_a_code(String requested) {
        // ı and ſ upper-case to I and S: letting them through would match FIZ-X and SPRING
        assertEquals(Optional.empty(), PromoRules.storedForm(requested));
    }

    @Test
    void a_valid_code_has_no_reason() {
        var c = check(promo("fixed", "5", null, null, null, 0, "0", true), "10", MAY_1);
        assertTrue(c.valid());
        assertNull(c.reason());
        assertNull(c.message());
    }
}
