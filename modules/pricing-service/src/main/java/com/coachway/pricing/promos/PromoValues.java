package com.coachway.pricing.promos;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Everything on a promo code that a manager sets; the dates bound the trip dates it applies to (inclusive, null = unbounded). */
public record PromoValues(String description, String discountType, BigDecimal discountValue, LocalDate validFrom,
                          LocalDate validTo, Integer maxUses, BigDecimal minSubtotal, boolean active) {
}
