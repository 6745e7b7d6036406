package com.coachway.analytics.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The revenue report (Revenue in openapi.yaml): one row per group, and the totals. */
public record Revenue(LocalDate from, LocalDate to, String groupBy, List<Row> rows, Totals totals) {
    public record Row(String key, String label, long bookings, BigDecimal bookedRevenue, BigDecimal collected) {
    }

    public record Totals(long bookings, BigDecimal bookedRevenue, BigDecimal collected) {
    }
}
