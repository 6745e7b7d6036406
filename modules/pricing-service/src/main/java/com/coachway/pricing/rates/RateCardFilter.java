package com.coachway.pricing.rates;

import java.time.LocalDate;

/** What a rate-card list is narrowed to; null = any. */
public record RateCardFilter(String vehicleType, LocalDate effectiveOn) {
}
