package com.coachway.pricing.calculator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What to price, already well-formed (the handler checked types and ranges): each vehicle type
 * at most once, end after start, miles ≥ 0, amenity codes distinct; {@code promoCode} may be null.
 */
public record PriceRequest(List<Vehicle> vehicles, OffsetDateTime startAt, OffsetDateTime endAt, BigDecimal miles,
                           List<String> amenities, String promoCode, boolean taxExempt) {

    public record Vehicle(String vehicleType, int quantity) {
    }
}
