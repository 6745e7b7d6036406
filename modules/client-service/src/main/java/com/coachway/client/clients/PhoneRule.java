package com.coachway.client.clients;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What passes as a phone number: E.164 (+15551234567) or the way people write numbers — digits,
 * spaces, parentheses, hyphens and dots, with "+" only in front — holding 7 to 15 digits (E.164's
 * maximum; at most 30 characters is the contract's). Loose on purpose: staff paste numbers from email signatures; we only keep out text that
 * cannot be dialled. Extensions belong in the contact's notes, not here.
 */
public final class PhoneRule {
    private static final Pattern CHARACTERS = Pattern.compile("^\\+?[0-9 ().\\-]+$");

    private PhoneRule() {
    }

    public static Optional<String> problem(String phone) {
        if (phone.isEmpty()) return Optional.of("must not be empty; send null to clear it");
        if (!CHARACTERS.matcher(phone).matches()) {
            return Optional.of("must be a phone number: digits, spaces and ( ) - . with an optional leading +");
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        if (digits < 7 || digits > 15) return Optional.of("must have between 7 and 15 digits");
        return Optional.empty();
    }
}
