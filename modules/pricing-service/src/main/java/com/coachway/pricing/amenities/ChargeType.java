package com.coachway.pricing.amenities;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How an amenity's amount is multiplied on a quote. */
public enum ChargeType {
    /** once, whatever the length of the trip or the number of vehicles */
    PER_TRIP,
    /** once per calendar day of the trip */
    PER_DAY,
    /** once per vehicle, all types together */
    PER_VEHICLE;

    public static final List<String> CODES = Arrays.stream(values()).map(ChargeType::code).toList();

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChargeType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
