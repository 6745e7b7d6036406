package com.coachway.hos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The company's working days: each runs from {@code start} local time (SERVICE_DAY_START, 04:00 by
 * default) to the same time the next day, so a night's work belongs to the day it began: an
 * evening trip that ends at 01:30 is one day, and a duty period at 02:00 counts to the day before.
 * FMCSA lets the carrier designate when its 24-hour periods begin (49 CFR 395.2); this is that time.
 */
public record ServiceDays(ZoneId zone, LocalTime start) {

    /** The service day an instant falls in: the day D with start of D ≤ t < start of D + 1. */
    public LocalDate dayOf(Instant t) {
        LocalDate guess = t.atZone(zone).toLocalDateTime().minusSeconds(start.toSecondOfDay()).toLocalDate();
        // a DST change can move the wall clock past the guess's boundaries; settle on the instants
        if (t.isBefore(startOf(guess))) return guess.minusDays(1);
        if (!t.isBefore(startOf(guess.plusDays(1)))) return guess.plusDays(1);
        return guess;
    }

    public LocalDate dayOf(OffsetDateTime t) {
        return dayOf(t.toInstant());
    }

    /** The instant a service day begins (shifted forward if that local time falls in a DST gap). */
    public Instant startOf(LocalDate day) {
        return day.atTime(start).atZone(zone).toInstant();
    }

    /**
     * Service days touched by [from, to). The end is exclusive, so a trip that ends exactly when a
     * new service day begins is not charged for the day it never used.
     */
    public int touched(OffsetDateTime from, OffsetDateTime to) {
        LocalDate first = dayOf(from);
        LocalDate last = dayOf(to);
        if (last.isAfter(first) && startOf(last).equals(to.toInstant())) last = last.minusDays(1);
        return Math.toIntExact(last.toEpochDay() - first.toEpochDay()) + 1;
    }
}
