package com.coachway.charter.charters;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharterEventsTest {
    @Test
    void finance_hears_only_of_the_two_states_that_end_a_charter() {
        List<CharterStatus> told = Arrays.stream(CharterStatus.values()).filter(CharterEvents::concernsFinance).toList();
        assertEquals(List.of(CharterStatus.COMPLETED, CharterStatus.CANCELLED), told);
    }
}
