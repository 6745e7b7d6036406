package com.coachway.charter.charters;

import com.coachway.common.http.FieldError;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes a charter's itinerary coherent (how many stops, 2 to 50, is the contract's): stops listed in order and numbered
 * 1..n, coordinates in pairs, and time that never runs backwards — from pickup_at through every
 * stop's arrive_at and depart_at to return_at. The charter's end is return_at, else the latest
 * stop time; it must lie after pickup, since vehicles are held and prices billed for that span.
 */
public final class StopRules {
    /** Longer trips are several charters: pricing prices at most 31 days, and so many days on one booking is a mistake. */
    public static final Duration MAX_SPAN = Duration.ofDays(31);

    private StopRules() {
    }

    public static List<FieldError> check(List<StopInput> stops, OffsetDateTime pickupAt, OffsetDateTime returnAt) {
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < stops.size(); i++) {
            StopInput s = stops.get(i);
            String at = "stops[" + i + "].";
            if (s.sequence() != null && s.sequence() != i + 1) {
                errors.add(new FieldError(at + "sequence", "must be " + (i + 1)
                        + ": list the stops in travel order, numbered 1.." + stops.size() + " without gaps"));
            }
            if ((s.lat() == null) != (s.lon() == null)) {
                errors.add(new FieldError(at + (s.lat() == null ? "lat" : "lon"), "is required with " + (s.lat() == null ? "lon" : "lat")));
            }
        }

        // Walk every known time in travel order; each must be at or after the one before it.
        OffsetDateTime previous = pickupAt;
        String previousField = "pickup_at";
        for (int i = 0; i < stops.size(); i++) {
            StopInput s = stops.get(i);
            String at = "stops[" + i + "].";
            if (s.arriveAt() != null) {
                if (previous != null && s.arriveAt().isBefore(previous)) {
                    errors.add(new FieldError(at + "arrive_at", backwards(previousField)));
                } else {
                    previous = s.arriveAt();
                    previousField = at + "arrive_at";
                }
            }
            if (s.departAt() != null) {
                if (s.arriveAt() != null && s.departAt().isBefore(s.arriveAt())) {
                    errors.add(new FieldError(at + "depart_at", "must not be before " + at + "arrive_at"));
                } else if (previous != null && s.departAt().isBefore(previous)) {
                    errors.add(new FieldError(at + "depart_at", backwards(previousField)));
                } else {
                    previous = s.departAt();
                    previousField = at + "depart_at";
                }
            }
        }

        if (returnAt != null && pickupAt != null && !returnAt.isAfter(pickupAt)) {
            errors.add(new FieldError("return_at", "must be after pickup_at"));
        } else if (returnAt != null && previous != null && returnAt.isBefore(previous)) {
            errors.add(new FieldError("return_at", backwards(previousField)));
        } else if (returnAt == null && pickupAt != null && endsAt(pickupAt, null, stops).isEmpty()) {
            errors.add(new FieldError("return_at", "is required when no stop has a time after pickup_at: the charter's end must be known"));
        }
        if (errors.isEmpty() && pickupAt != null) {
            endsAt(pickupAt, returnAt, stops).filter(end -> Duration.between(pickupAt, end).compareTo(MAX_SPAN) > 0)
                    .ifPresent(end -> errors.add(new FieldError(returnAt != null ? "return_at" : "stops",
                            "the charter may last at most " + MAX_SPAN.toDays() + " days from pickup_at")));
        }
        return errors;
    }

    private static String backwards(String previousField) {
        return "must not be before " + previousField + " (times never go backwards)";
    }

    /** return_at, else the latest stop time after pickup; empty when neither says when the charter ends. */
    public static Optional<OffsetDateTime> endsAt(OffsetDateTime pickupAt, OffsetDateTime returnAt, List<StopInput> stops) {
        if (returnAt != null) return returnAt.isAfter(pickupAt) ? Optional.of(returnAt) : Optional.empty();
        OffsetDateTime latest = null;
        for (StopInput s : stops) {
            for (OffsetDateTime t : new OffsetDateTime[]{s.arriveAt(), s.departAt()}) {
                if (t != null && (latest == null || t.isAfter(latest))) latest = t;
            }
        }
        return latest != null && latest.isAfter(pickupAt) ? Optional.of(latest) : Optional.empty();
    }
}
