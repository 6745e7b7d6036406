package com.coachway.vendor.bidding;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call to vendors to bid for running a charter. */
public record BidRequest(UUID id, UUID charterId, String charterReference, int passengerCount, String vehicleType,
                         int quantity, OffsetDateTime pickupAt, OffsetDateTime returnAt, String summary, String serviceState,
                         OffsetDateTime respondBy, String status, UUID awardedBidId, OffsetDateTime awardedAt, String createdBy,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
}
