package com.coachway.analytics.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The charter metrics (CharterMetrics in openapi.yaml). */
public record CharterMetrics(LocalDate from, LocalDate to, StatusCounts byStatus, long trips, long inquiries, long quotesSent,
                             long quotedCharters, long convertedCharters, BigDecimal conversionPct, long bookings,
                             BigDecimal bookedRevenue, BigDecimal averageLeadTimeDays, long cancellations,
                             BigDecimal cancelledValue) {
    public record StatusCounts(long inquiry, long quoted, long booked, long confirmed, long inProgress, long completed,
                               long cancelled) {
    }
}
