package com.coachway.finance.reports;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Query;

import java.time.LocalDate;
import java.util.List;

/** The dates a report is asked for: present, real (2026-02-30 is not) and, for a range, in order. */
public final class ReportDates {
    private ReportDates() {
    }

    /**
     * The contract already requires the parameter; this reads it, and a blank one (which no schema
     * refuses) is a 400 too. An impossible date or a NUL is a 400 from the reader.
     */
    public static LocalDate required(Query q, String name) {
        LocalDate d = q.date(name);
        q.validate();
        if (d == null) throw ApiException.validation(List.of(new FieldError(name, "is required, YYYY-MM-DD")));
        return d;
    }

    /** A range whose end is before its start is a 400 naming {@code from}. */
    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) throw ApiException.validation(List.of(new FieldError("from", "must be on or before to")));
    }
}
