package com.coachway.notification.notifications;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressRulesTest {
    @Test
    void e164_is_a_plus_and_up_to_fifteen_digits_without_a_leading_zero() {
        for (String ok : new String[]{"+16175550100", "+442071838750", "+4930123456", "+123456789012345"}) assertTrue(AddressRules.isE164(ok), ok);
        for (String bad : new String[]{"16175550100", "+0617555010", "+1 617 555 0100", "+1-617-555-0100", "+1234567890123456", "+12345", "", "+1617555010a"}) {
            assertFalse(AddressRules.isE164(bad), bad);
        }
    }

    @Test
    void logs_show_a_masked_address() {
        assertFalse(NotificationActions.mask("dana@example.com").contains("dana"));
        assertFalse(NotificationActions.mask("+16175550100").contains("617555"));
    }
}
