package com.coachway.client.clients;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneRuleTest {
    private static void ok(String phone) {
        assertTrue(PhoneRule.problem(phone).isEmpty(), phone);
    }

    private static void bad(String phone) {
        assertFalse(PhoneRule.problem(phone).isEmpty(), phone);
    }

    @Test
    void e164_and_the_usual_written_forms_are_phone_numbers() {
        ok("+15185550100");
        ok("+1 (518) 555-0100");
        ok("518-555-0100");
        ok("518.555.0100");
        ok("(518) 555 0100");
        ok("555-0100");
        ok("+44 20 7946 0958");
        ok("+861012345678901");
    }

    @Test
    void too_few_or_too_many_digits_are_not() {
        bad("555-010");
        bad("123");
        bad("+1234567890123456");
        bad("--------");
    }

    @Test
    void letters_and_misplaced_plus_signs_are_not() {
        bad("call me");
        bad("1-800-FLOWERS");
        bad("555 0100 x12");
        bad("518+555+0100");
        bad("++15185550100");
        bad("");
    }
}
