package com.coachway.vendor.bidding;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A vendor's offer on a bid request: one live bid per vendor and request. */
public record Bid(UUID id, UUID bidRequestId, UUID vendorId, BigDecimal amount, String vehicleType, String notes,
                  String status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public static final String SUBMITTED = "submitted";
    public static final String AWARDED = "awarded";
    public static final String LOST = "lost";
}
