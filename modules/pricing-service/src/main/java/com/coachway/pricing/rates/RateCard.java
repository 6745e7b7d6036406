package com.coachway.pricing.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rate card as the API shows it; {@code effectiveTo} null means open-ended. Both dates are inclusive. */
public record RateCard(UUID id, String vehicleType, BigDecimal hourlyRate, BigDecimal minimumHours,
                       BigDecimal perMileRate, BigDecimal dailyRate, int includedMilesPerDay,
                       BigDecimal driverOvernightFee, BigDecimal extraDriverHourlyRate,
                       LocalDate effectiveFrom, LocalDate effectiveTo, int version,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public boolean inEffectOn(LocalDate date) {
        return RateCardRules.covers(effectiveFrom, effectiveTo, date);
    }
}
