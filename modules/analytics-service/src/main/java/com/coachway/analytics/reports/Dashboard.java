package com.coachway.analytics.reports;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The dashboard (Dashboard in openapi.yaml). */
public record Dashboard(Instant asOf, LocalDate date, long todayTrips, long inProgress, BigDecimal monthToDateRevenue,
                        long monthToDateBookings, BigDecimal monthToDateCollected, BigDecimal openQuoteValue, long openQuotes,
                        BigDecimal outstandingReceivables,
                        @JsonProperty("next_7_days") List<DayTrips> next7Days) {
    public record DayTrips(LocalDate date, long trips) {
    }
}
