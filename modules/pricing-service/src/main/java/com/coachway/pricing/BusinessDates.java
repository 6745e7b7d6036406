package com.coachway.pricing;

import com.coachway.common.http.JsonInput;

import java.time.LocalDate;

/**
 * The calendar dates a price list can mean: 2000-01-01 to 2100-12-31. Outside them a date is a
 * typo or a probe, and past 9999 it cannot even be written back as a contract `date` (YYYY-MM-DD).
 */
public final class BusinessDates {
    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);
    static final String PROBLEM = "must be a date from " + FIRST + " to " + LAST;

    private BusinessDates() {
    }

    public static boolean plausible(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /** The date as read (null stays null); one outside the range adds a field error to {@code in}. */
    public static LocalDate check(JsonInput in, String field, LocalDate date) {
        if (date != null && !plausible(date)) in.error(field, PROBLEM);
        return date;
    }
}
