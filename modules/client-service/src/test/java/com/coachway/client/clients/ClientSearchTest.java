package com.coachway.client.clients;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientSearchTest {
    @Test
    void the_pattern_matches_q_anywhere_and_escapes_like_wildcards() {
        assertEquals("%acme%", ClientSearch.containsPattern("acme"));
        assertEquals("%100\\%\\_off%", ClientSearch.containsPattern("100%_off"));
        assertEquals("%a\\\\b%", ClientSearch.containsPattern("a\\b"));
    }

    @Test
    void a_phone_like_q_with_three_or_more_digits_also_searches_by_digits() {
        assertEquals("5185550100", ClientSearch.phoneDigits("(518) 555-0100"));
        assertEquals("442079", ClientSearch.phoneDigits("+44 20 79"));
        assertEquals("555", ClientSearch.phoneDigits("555"));
        assertEquals("5550100", ClientSearch.phoneDigits("555.0100"));
    }

    @Test
    void other_text_or_too_few_digits_does_not() {
        assertNull(ClientSearch.phoneDigits("55"));
        assertNull(ClientSearch.phoneDigits("acme 555"));
        assertNull(ClientSearch.phoneDigits("Route 66"));
        assertNull(ClientSearch.phoneDigits("---"));
    }
}
