package com.coachway.auth.passwords;

import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be beyond its length (8–128 characters, the contract's Password
 * schema): not blank-padded, not a notorious one, not the email.
 */
public final class PasswordPolicy {
    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop",
            "qwerty123", "iloveyou", "admin123", "letmein1", "welcome1", "11111111", "abc12345",
            "passw0rd", "changeme", "football", "baseball", "sunshine", "princess");

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> problem(String password, String email) {
        if (!password.equals(password.strip())) return Optional.of("must not start or end with spaces");
        if (COMMON.contains(password.toLowerCase())) return Optional.of("is too common; choose another");
        if (email != null && password.equalsIgnoreCase(email)) return Optional.of("must not be the email address");
        return Optional.empty();
    }
}
