package com.coachway.auth.passwords;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {
    @Test
    void a_long_uncommon_password_passes() {
        assertTrue(PasswordPolicy.problem("Correct-Horse-42", "a@b.co").isEmpty());
        assertTrue(PasswordPolicy.problem("12345678a", null).isEmpty());
    }

    @Test
    void padded_common_or_email_passwords_fail() {
        assertFalse(PasswordPolicy.problem(" Correct-Horse-42", null).isEmpty());
        assertFalse(PasswordPolicy.problem("Password123", null).isEmpty());
        assertFalse(PasswordPolicy.problem("ann@example.com", "Ann@Example.com").isEmpty());
    }

    @Test
    void bcrypt_round_trips_including_passwords_past_72_bytes() {
        var passwords = new Passwords(4);
        String longOne = "ä".repeat(60);
        String hash = passwords.hash(longOne);
        assertTrue(passwords.matches(longOne, hash));
        assertFalse(passwords.matches("ä".repeat(59) + "a", hash));
        assertFalse(passwords.matchesNothing("anything"));
    }
}
