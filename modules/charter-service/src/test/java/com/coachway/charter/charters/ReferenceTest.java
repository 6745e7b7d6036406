package com.coachway.charter.charters;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReferenceTest {
    @Test
    void references_are_cw_year_and_a_five_digit_number() {
        assertEquals("CW-2026-00042", Reference.format(2026, 42));
        assertEquals("CW-2026-00001", Reference.format(2026, 1));
        assertEquals("CW-2027-99999", Reference.format(2027, 99_999));
    }

    @Test
    void past_99999_the_number_simply_grows() {
        assertEquals("CW-2026-100000", Reference.format(2026, 100_000));
    }

    @Test
    void numbers_start_at_one() {
        assertThrows(IllegalArgumentException.class, () -> Reference.format(2026, 0));
    }
}
