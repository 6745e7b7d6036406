package com.coachway.pricing.calculator;

import com.coachway.hos.ServiceDays;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The trip's date and billable hours; its days are {@link ServiceDays#touched}. */
public final class TripTime {
    private static final long HALF_HOUR_SECONDS = 1800;

    private TripTime() {
    }

    /**
     * The local calendar date of the start: the date whose rate card and promo validity apply
     * (charter-service passes the same date when it redeems the promo code).
     */
    public static LocalDate tripDate(OffsetDateTime startAt, ZoneId zone) {
        return startAt.atZoneSameInstant(zone).toLocalDate();
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
