package com.coachway.charter.charters;

/** "quantity × vehicle_type" as a request asks for it; null parts were invalid (already reported). */
public record VehicleRequest(String vehicleType, Integer quantity) {
}
