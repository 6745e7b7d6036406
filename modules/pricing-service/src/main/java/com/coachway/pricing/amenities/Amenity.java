package com.coachway.pricing.amenities;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An amenity as the API shows it; {@code chargeType} is one of {@link ChargeType}'s codes. */
public record Amenity(String code, String name, String chargeType, BigDecimal amount, boolean active,
                      int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
