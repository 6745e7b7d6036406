package com.coachway.pricing.rates;

import java.time.LocalDate;

/** Date ranges of rate cards: inclusive on both ends, a null end running for ever. */
public final class RateCardRules {
    private RateCardRules() {
    }

    public static boolean covers(LocalDate from, LocalDate to, LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** Whether two cards' ranges share at least one day. */
    public static boolean overlap(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        boolean aStartsAfterB = bTo != null && aFrom.isAfter(bTo);
        boolean bStartsAfterA = aTo != null && bFrom.isAfter(aTo);
        return !aStartsAfterB && !bStartsAfterA;
    }
}
