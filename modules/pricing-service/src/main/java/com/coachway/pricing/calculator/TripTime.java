package com.coachway.pricing.calculator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The trip's date, calendar days and billable hours, all in the trip's local time zone. */
public final class TripTime {
    private static final long HALF_HOUR_SECONDS = 1800;

    private TripTime() {
    }

    /** The local date of the start: the date whose rate card and promo validity apply. */
    public static LocalDate tripDate(OffsetDateTime startAt, ZoneId zone) {
        return startAt.atZoneSameInstant(zone).toLocalDate();
    }

    /**
     * Calendar days touched by the trip in local time. The end is exclusive, so a trip that ends
     * exactly at local midnight is not charged for the new day it never used.
     */
    public static int days(OffsetDateTime startAt, OffsetDateTime endAt, ZoneId zone) {
        LocalDate first = tripDate(startAt, zone);
        ZonedDateTime end = endAt.atZoneSameInstant(zone);
        LocalDate last = end.toLocalDate();
        if (end.toLocalTime().equals(LocalTime.MIDNIGHT) && last.isAfter(first)) last = last.minusDays(1);
        return Math.toIntExact(ChronoUnit.DAYS.between(first, last)) + 1;
    }

    /**
     * Elapsed hours between the two instants (so a DST change shortens or lengthens the day, as it
     * does for the driver), rounded up to the next half hour: 6 h 01 min bills as 6.5 h.
     */
    public static BigDecimal billableHours(OffsetDateTime startAt, OffsetDateTime endAt) {
        Duration d = Duration.between(startAt, endAt);
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        long halfHours = Math.ceilDiv(seconds, HALF_HOUR_SECONDS);
        return BigDecimal.valueOf(halfHours * 5, 1);
    }
}
