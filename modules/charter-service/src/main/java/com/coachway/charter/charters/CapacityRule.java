package com.coachway.charter.charters;

import com.coachway.charter.remote.VehicleType;
import com.coachway.common.http.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vehicles a charter asks for must be types pricing-service offers, at most {@link #MAX_VEHICLES}
 * in all, and seat everyone: passenger_count ≤ Σ capacity × quantity.
 */
public final class CapacityRule {
    public static final int MAX_VEHICLES = 50;

    private CapacityRule() {
    }

    /** One vehicle line per vehicle, with the capacity of its type, or the errors that prevent it. */
    public record Lines(List<Line> lines, List<FieldError> errors) {
    }

    public record Line(String vehicleType, int capacity) {
    }

    public static Lines expand(List<VehicleRequest> requests, Map<String, VehicleType> types) {
        var errors = new ArrayList<FieldError>();
        var lines = new ArrayList<Line>();
        int total = 0;
        for (int i = 0; i < requests.size(); i++) {
            VehicleRequest r = requests.get(i);
            if (r.vehicleType() == null || r.quantity() == null) continue;
            VehicleType type = types.get(r.vehicleType());
            if (type == null) {
                errors.add(new FieldError("vehicles[" + i + "].vehicle_type", "is not a vehicle type; known types: "
                        + String.join(", ", types.keySet().stream().sorted().toList())));
                continue;
            }
            if (!type.active()) {
                errors.add(new FieldError("vehicles[" + i + "].vehicle_type", "is no longer offered"));
                continue;
            }
            total += r.quantity();
            for (int n = 0; n < r.quantity() && total <= MAX_VEHICLES; n++) lines.add(new Line(type.code(), type.capacity()));
        }
        if (total > MAX_VEHICLES) errors.add(new FieldError("vehicles", "must ask for at most " + MAX_VEHICLES + " vehicles in all"));
        return new Lines(List.copyOf(lines), errors);
    }

    /** The passenger_count error, if these capacities do not seat everyone. */
    public static List<FieldError> check(int passengers, List<Integer> capacities) {
        int seats = capacities.stream().mapToInt(Integer::intValue).sum();
        if (passengers <= seats) return List.of();
        return List.of(new FieldError("passenger_count",
                passengers + " passengers do not fit the vehicles asked for (" + seats + " seats in all)"));
    }
}
