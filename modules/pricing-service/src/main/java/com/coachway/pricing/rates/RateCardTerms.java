package com.coachway.pricing.rates;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Everything on a rate card that a manager sets (in a patch, null = unchanged). */
public record RateCardTerms(BigDecimal hourlyRate, BigDecimal minimumHours, BigDecimal perMileRate, BigDecimal dailyRate,
                            Integer includedMilesPerDay, BigDecimal driverOvernightFee, BigDecimal extraDriverHourlyRate,
                            LocalDate effectiveFrom, LocalDate effectiveTo) {
}
