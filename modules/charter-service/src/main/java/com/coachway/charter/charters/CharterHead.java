package com.coachway.charter.charters;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A charter's own row, without stops, lines or quotes: what changes are decided on. */
public record CharterHead(UUID id, String reference, UUID clientId, UUID contactId, String tripType,
                          CharterStatus status, int passengerCount, OffsetDateTime pickupAt, OffsetDateTime returnAt,
                          OffsetDateTime endsAt, List<String> amenities, Integer miles, String notes, UUID vendorId, int version) {
}
