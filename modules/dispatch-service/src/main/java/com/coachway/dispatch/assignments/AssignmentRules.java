package com.coachway.dispatch.assignments;

import com.coachway.common.http.FieldError;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an assignment's window and status must be. Pure.
 *
 * <p>An assignment is one duty period: its window is at most 24 h (a multi-day charter is
 * assigned day by day, with the nights off between), and its planned driving fits in it.
 */
public final class AssignmentRules {
    public static final Duration MAX_WINDOW = Duration.ofHours(24);
    /** Charters that can be given a driver and a vehicle. */
    public static final Set<String> ASSIGNABLE_CHARTER = Set.of("booked", "confirmed");
    /** Charters a recovery can still send a replacement to: the trip may be under way. */
    public static final Set<String> RECOVERABLE_CHARTER = Set.of("booked", "confirmed", "in_progress");
    /** An assignment can be unassigned until the trip has left; after that a recovery takes over. */
    static final Set<String> CANCELLABLE = Set.of("scheduled", "en_route", "arrived_pickup");
    /** Live: holding its driver and vehicle, and open to trip events and recoveries. */
    public static final Set<String> FINISHED = Set.of("completed", "cancelled");

    private AssignmentRules() {
    }

    /** The window's problems, as field errors (none when it is fine). */
    public static List<FieldError> windowProblems(OffsetDateTime startsAt, OffsetDateTime endsAt, BigDecimal drivingHours) {
        var out = new ArrayList<FieldError>();
        if (!endsAt.isAfter(startsAt)) {
            out.add(new FieldError("ends_at", "must be after starts_at"));
            return out;
        }
        Duration window = Duration.between(startsAt, endsAt);
        if (window.compareTo(MAX_WINDOW) > 0) {
            out.add(new FieldError("ends_at", "the window is one duty period, at most 24 h after starts_at; assign a multi-day charter day by day"));
        }
        if (drivingHours != null && seconds(drivingHours) > window.getSeconds()) {
            out.add(new FieldError("driving_hours", "must be at most the window's length (" + hours(window) + " h)"));
        }
        return out;
    }

    /** Why the assignment cannot be cancelled in this status; empty when it can. */
    public static Optional<String> cancelRefusal(String status) {
        if (CANCELLABLE.contains(status)) return Optional.empty();
        return Optional.of("The assignment is " + status + "; only a scheduled, en_route or arrived_pickup assignment can be cancelled"
                + ("departed".equals(status) || "arrived_destination".equals(status) ? " (open a recovery instead)" : ""));
    }

    /** Planned driving within a window: what was given, capped to the window; the whole window when none was. */
    public static Duration driving(OffsetDateTime startsAt, OffsetDateTime endsAt, BigDecimal drivingHours) {
        Duration window = Duration.between(startsAt, endsAt);
        if (drivingHours == null) return window;
        Duration given = Duration.ofSeconds(seconds(drivingHours));
        return given.compareTo(window) < 0 ? given : window;
    }

    /**
     * The driving_hours to keep for a part of a window: the original's when it fits, else the
     * part's whole length rounded down to 0.01 h (so the stored value never exceeds the part);
     * null stays null (the whole part).
     */
    public static BigDecimal drivingWithin(BigDecimal drivingHours, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        if (drivingHours == null) return null;
        long window = Duration.between(startsAt, endsAt).getSeconds();
        if (seconds(drivingHours) <= window) return drivingHours;
        return BigDecimal.valueOf(window).divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.DOWN);
    }

    private static long seconds(BigDecimal hours) {
        return hours.multiply(BigDecimal.valueOf(3600)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    static String hours(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
