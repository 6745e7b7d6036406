package com.coachway.analytics.reports;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A report's days, from and to inclusive; in the company's zone they are [start of from, start of the day after to). */
public record DateRange(LocalDate from, LocalDate to) {
    /** Longer than ten years of days is not a report anyone reads; it only costs the database. */
    static final long MAX_DAYS = 3700;

    /**
     * The contract requires both; this reads them, refuses a blank or impossible one (2026-02-30),
     * and then a range that ends before it starts or is too long.
     */
    static DateRange read(Query q) {
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        q.validate();
        var errors = new ArrayList<FieldError>();
        if (from == null) errors.add(new FieldError("from", "is required, YYYY-MM-DD"));
        if (to == null) errors.add(new FieldError("to", "is required, YYYY-MM-DD"));
        if (errors.isEmpty()) errors.addAll(problems(from, to));
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        return new DateRange(from, to);
    }

    static List<FieldError> problems(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) return List.of(new FieldError("from", "must be on or before to"));
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return List.of(new FieldError("to", "the range may span at most " + MAX_DAYS + " days"));
        }
        return List.of();
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the range: the start of the day after {@code to}. */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
