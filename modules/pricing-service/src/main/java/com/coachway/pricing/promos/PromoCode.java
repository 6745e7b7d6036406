package com.coachway.pricing.promos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A promo code as the API shows it. {@code discountType} is "percent" or "fixed"; the dates bound
 * the trip dates it applies to (inclusive, null = unbounded); {@code maxUses} null = unlimited.
 */
public record PromoCode(String code, String description, String discountType, BigDecimal discountValue,
                        LocalDate validFrom, LocalDate validTo, Integer maxUses, BigDecimal minSubtotal,
                        boolean active, int uses, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public static final String PERCENT = "percent";
    public static final String FIXED = "fixed";
}
