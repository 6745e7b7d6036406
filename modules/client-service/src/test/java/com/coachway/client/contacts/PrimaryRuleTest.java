package com.coachway.client.contacts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimaryRuleTest {
    @Test
    void a_new_contact_of_a_client_without_a_primary_becomes_it_unless_told_not_to() {
        assertTrue(PrimaryRule.newContactIsPrimary(null, false));
        assertTrue(PrimaryRule.newContactIsPrimary(true, false));
        assertFalse(PrimaryRule.newContactIsPrimary(false, false));
    }

    @Test
    void a_new_contact_of_a_client_with_a_primary_becomes_it_only_when_asked() {
        assertFalse(PrimaryRule.newContactIsPrimary(null, true));
        assertFalse(PrimaryRule.newContactIsPrimary(false, true));
        assertTrue(PrimaryRule.newContactIsPrimary(true, true));
    }

    @Test
    void a_change_keeps_the_primary_flag_unless_it_names_one() {
        assertTrue(PrimaryRule.isPrimaryAfter(null, true));
        assertFalse(PrimaryRule.isPrimaryAfter(null, false));
        assertTrue(PrimaryRule.isPrimaryAfter(true, false));
        assertFalse(PrimaryRule.isPrimaryAfter(false, true));
    }

    @Test
    void the_other_primary_is_unmarked_only_when_this_contact_newly_becomes_primary() {
        assertTrue(PrimaryRule.mustUnmarkOther(true, false, true));
        assertFalse(PrimaryRule.mustUnmarkOther(true, false, false));
        assertFalse(PrimaryRule.mustUnmarkOther(true, true, true));
        assertFalse(PrimaryRule.mustUnmarkOther(false, false, true));
        assertFalse(PrimaryRule.mustUnmarkOther(false, true, true));
    }
}
