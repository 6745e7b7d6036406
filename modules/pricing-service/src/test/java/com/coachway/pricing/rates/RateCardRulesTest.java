package com.coachway.pricing.rates;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateCardRulesTest {
    static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    @ParameterizedTest(name = "[{0}..{1}] and [{2}..{3}] overlap: {4}")
    @CsvSource(nullValues = "open", value = {
            "2026-01-01, 2026-06-30, 2026-07-01, open,       false",
            "2026-01-01, 2026-06-30, 2026-06-30, open,       true",
            "2026-01-01, open,       2027-01-01, open,       true",
            "2026-01-01, open,       2025-01-01, 2025-12-31, false",
            "2026-01-01, open,       2025-01-01, 2026-01-01, true",
            "2026-03-01, 2026-03-31, 2026-01-01, 2026-12-31, true",
            "2026-03-01, 2026-03-01, 2026-03-01, 2026-03-01, true",
            "2026-03-01, 2026-03-01, 2026-03-02, 2026-03-02, false",
    })
    void cards_overlap_when_they_share_a_day(String aFrom, String aTo, String bFrom, String bTo, boolean overlap) {
        assertEquals(overlap, RateCardRules.overlap(date(aFrom), date(aTo), date(bFrom), date(bTo)));
        assertEquals(overlap, RateCardRules.overlap(date(bFrom), date(bTo), date(aFrom), date(aTo)));
    }

    @ParameterizedTest(name = "[{0}..{1}] covers {2}: {3}")
    @CsvSource(nullValues = "open", value = {
            "2026-01-01, open,       2026-01-01, true",
            "2026-01-01, open,       2025-12-31, false",
            "2026-01-01, 2026-06-30, 2026-06-30, true",
            "2026-01-01, 2026-06-30, 2026-07-01, false",
    })
    void a_card_covers_its_first_and_last_day(String from, String to, String on, boolean covers) {
        assertEquals(covers, RateCardRules.covers(date(from), date(to), date(on)));
    }
}
