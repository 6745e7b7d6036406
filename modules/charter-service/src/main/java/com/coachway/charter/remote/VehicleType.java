package com.coachway.charter.remote;

/** A vehicle type as pricing-service's GET /vehicle-types lists it. */
public record VehicleType(String code, String name, int capacity, boolean active) {
}
