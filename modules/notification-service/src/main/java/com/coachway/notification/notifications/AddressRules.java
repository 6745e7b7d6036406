package com.coachway.notification.notifications;

import java.util.regex.Pattern;

/** Where a message can go: an email address (its syntax is common's JsonInput's), or an E.164 phone number. */
public final class AddressRules {
    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    /** What a carrier takes in one message body (Twilio: 1,600 characters). */
    public static final int MAX_SMS_CHARS = 1600;

    private AddressRules() {
    }

    public static boolean isE164(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }
}
