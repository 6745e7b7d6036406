package com.coachway.dispatch.board;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The day board as the API shows it. */
public record Board(LocalDate date, List<Charter> charters) {

    public record Charter(UUID charterId, String reference, String status, OffsetDateTime pickupAt, OffsetDateTime endsAt,
                          int vehiclesNeeded, int unassigned, List<Trip> assignments) {
    }

    public record Trip(UUID id, UUID driverId, String driverName, UUID vehicleId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                       String status, Position lastPosition) {
    }

    public record Position(double lat, double lon, Double speedMph, Double heading, OffsetDateTime recordedAt) {
    }
}
