package com.coachway.vendor.ratings;

import java.math.BigDecimal;
import java.util.UUID;

/** A vendor's figures, as the one query of {@link RatingStore#performance} computes them (openapi.yaml defines each). */
public record Performance(UUID vendorId, int tripsCompleted, BigDecimal onTimeRate, BigDecimal averageRating, int bidsSubmitted,
                          int bidsWon, BigDecimal winRate, int cancellations) {
}
