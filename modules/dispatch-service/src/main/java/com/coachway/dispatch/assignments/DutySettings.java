package com.coachway.dispatch.assignments;

import com.coachway.hos.HoursOfService.Cycle;
import com.coachway.hos.ServiceDays;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * How hours of service are counted here: the weekly cycle (HOS_CYCLE, 70_8 by default), the
 * carrier's service days (SERVICE_DAY_START in TZ, as pricing counts them), and the zone whose
 * calendar days name an assignment's last day (qualification) and a list's {@code date}.
 */
public record DutySettings(Cycle cycle, ServiceDays days, ZoneId zone) {
    /** The calendar day in {@code zone} an assignment's window ends on (its last instant belongs to it). */
    public LocalDate lastDay(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        // the window is half-open: a window ending exactly at midnight ends on the day before
        LocalDate day = endsAt.atZoneSameInstant(zone).toLocalDate();
        boolean atMidnight = endsAt.atZoneSameInstant(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        LocalDate last = atMidnight ? day.minusDays(1) : day;
        LocalDate first = startsAt.atZoneSameInstant(zone).toLocalDate();
        return last.isBefore(first) ? first : last;
    }
}
