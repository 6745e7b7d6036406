package com.coachway.sales.leads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeadStatusTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "new, contacted, true", "new, qualified, true", "new, won, true", "contacted, qualified, true",
            "qualified, quoted, true", "quoted, won, true", "new, lost, true", "quoted, lost, true", "new, new, true",
            "won, won, true", "lost, lost, true",
            "contacted, new, false", "quoted, qualified, false", "won, lost, false", "lost, new, false", "won, quoted, false",
            "lost, won, false"})
    void the_lifecycle_goes_forward_any_open_lead_may_be_lost_and_won_and_lost_are_final(String from, String to, boolean allowed) {
        assertEquals(allowed, LeadStatus.refusal(from, to).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"new, qualified", "contacted, qualified", "qualified, qualified", "quoted, quoted", "won, won"})
    void converting_makes_an_early_lead_qualified_and_leaves_a_later_one_as_it_is(String before, String after) {
        assertEquals(after, LeadStatus.afterConversion(before));
    }
}
