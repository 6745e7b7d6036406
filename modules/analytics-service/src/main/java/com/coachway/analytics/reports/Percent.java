package com.coachway.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 100 × part / whole to 2 decimals, HALF_UP; null when the whole is zero (no base, no rate). */
final class Percent {
    private Percent() {
    }

    static BigDecimal of(long part, long whole) {
        if (whole == 0) return null;
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
