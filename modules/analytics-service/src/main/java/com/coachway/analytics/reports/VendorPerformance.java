package com.coachway.analytics.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Vendors ranked (VendorPerformance in openapi.yaml). */
public record VendorPerformance(LocalDate from, LocalDate to, List<Vendor> vendors) {
    public record Vendor(long rank, UUID vendorId, String vendorName, long trips, long completedTrips, long vendorCancellations,
                         long ratings, BigDecimal averageScore, BigDecimal onTimePct, long bids, long bidsWon, BigDecimal winPct,
                         BigDecimal awardedValue) {
    }
}
