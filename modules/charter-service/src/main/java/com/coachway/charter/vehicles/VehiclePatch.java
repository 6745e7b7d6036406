package com.coachway.charter.vehicles;

import java.util.List;
import java.util.UUID;

/** The fields a PATCH names; null (and for vendor_id, absent) keeps the vehicle's own. */
public record VehiclePatch(boolean hasVendorId, UUID vendorId, String vehicleType, Integer capacity, String make,
                           String model, Integer year, String plate, String vin, List<String> amenities, String status) {

    VehicleStore.Values applyTo(Vehicle before) {
        return new VehicleStore.Values(hasVendorId ? vendorId : before.vendorId(),
                vehicleType != null ? vehicleType : before.vehicleType(), capacity != null ? capacity : before.capacity(),
                make != null ? make : before.make(), model != null ? model : before.model(),
                year != null ? year : before.year(), plate != null ? plate : before.plate(),
                vin != null ? vin : before.vin(), amenities != null ? amenities : before.amenities(),
                status != null ? status : before.status());
    }
}
