package com.coachway.charter.charters;

import java.util.Optional;

/** When a vehicle may serve a charter's vehicle line; the vehicles feature's rule. */
public interface VehicleFit {
    /** Why this vehicle cannot serve the line, or empty when it can. */
    Optional<String> misfit(String vehicleStatus, String vehicleType, int vehicleCapacity, String lineType, int lineCapacity);
}
