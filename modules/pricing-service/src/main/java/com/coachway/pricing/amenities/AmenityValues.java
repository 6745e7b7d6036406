package com.coachway.pricing.amenities;

import java.math.BigDecimal;

/** Everything on an amenity that a manager sets. */
public record AmenityValues(String name, String chargeType, BigDecimal amount, boolean active) {
}
