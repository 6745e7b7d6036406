package com.coachway.pricing.calculator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What to price, already well-formed (the handler checked types and ranges): each vehicle type
 * at most once, end after start, miles ≥ 0, amenity codes distinct; {@code promoCode} may be null.
 * {@code redemptionReference} (may be null) names the redemption of the code this price is for.
 */
public record PriceRequest(List<Vehicle> vehicles, OffsetDateTime startAt, OffsetDateTime endAt, BigDecimal miles,
                           List<String> amenities, String promoCode, boolean taxExempt, String redemptionReference) {

    public PriceRequest(List<Vehicle> vehicles, OffsetDateTime startAt, OffsetDateTime endAt, BigDecimal miles,
                        List<String> amenities, String promoCode, boolean taxExempt) {
        this(vehicles, startAt, endAt, miles, amenities, promoCode, taxExempt, null);
    }

    public record Vehicle(String vehicleType, int quantity) {
    }
}
