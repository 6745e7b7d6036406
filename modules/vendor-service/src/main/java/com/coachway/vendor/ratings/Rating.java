package com.coachway.vendor.ratings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** How a vendor did on one charter's trip. */
public record Rating(UUID id, UUID vendorId, UUID charterId, int score, boolean onTime, boolean cancelled, String comments,
                     String createdBy, OffsetDateTime createdAt) {
}
