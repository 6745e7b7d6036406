package com.coachway.pricing.vehicles;

/** A vehicle type as the API shows it; capacity is seated passengers. */
public record VehicleType(String code, String name, int capacity, boolean active) {
}
