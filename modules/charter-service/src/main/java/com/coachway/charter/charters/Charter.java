package com.coachway.charter.charters;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A charter as the API shows it: with its stops, its vehicle lines and its current quote. */
public record Charter(UUID id, String reference, UUID clientId, UUID contactId, String tripType, String status,
                      int passengerCount, OffsetDateTime pickupAt, OffsetDateTime returnAt, OffsetDateTime endsAt,
                      List<Stop> stops, List<VehicleLine> vehicles, UUID vendorId, List<String> amenities, Integer miles,
                      String notes, CurrentQuotes.View currentQuote, int version, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {

    public record Stop(UUID id, int sequence, String address, BigDecimal lat, BigDecimal lon,
                       OffsetDateTime arriveAt, OffsetDateTime departAt, String notes) {
    }

    /** One vehicle the charter needs; capacity is its type's when the line was made. */
    public record VehicleLine(UUID id, int position, String vehicleType, int capacity, UUID vehicleId) {
    }

    public Charter withCurrentQuote(CurrentQuotes.View quote) {
        return new Charter(id, reference, clientId, contactId, tripType, status, passengerCount, pickupAt, returnAt,
                endsAt, stops, vehicles, vendorId, amenities, miles, notes, quote, version, createdAt, updatedAt);
    }
}
