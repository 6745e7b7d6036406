package com.coachway.dispatch.tracking;

import com.coachway.common.http.FieldError;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a posted position must be beyond its schema, and whose it is. Pure: no HTTP, no database.
 */
public final class TrackingRules {
    /** A device clock a little ahead of ours is normal; a fix further in the future is a broken clock. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** A bus may buffer for days without signal; older than this is not a buffered upload but junk (and past the partitions kept ready). */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    /** A driver's trip, for posting and reading its vehicle: the window widened by this each side (pre-trip inspection, the run back to the depot). */
    public static final Duration GRACE = Duration.ofHours(1);

    private TrackingRules() {
    }

    /** Positions recorded too far ahead of {@code now}, or too long ago: each named by its item. */
    public static List<FieldError> timeProblems(List<Reported> batch, OffsetDateTime now) {
        var out = new ArrayList<FieldError>();
        for (Reported r : batch) {
            if (r.recordedAt().isAfter(now.plus(CLOCK_SKEW))) {
                out.add(new FieldError(r.field("recorded_at"), "is more than " + CLOCK_SKEW.toMinutes() + " minutes in the future"));
            } else if (r.recordedAt().isBefore(now.minus(MAX_AGE))) {
                out.add(new FieldError(r.field("recorded_at"), "is more than " + MAX_AGE.toDays() + " days old"));
            }
        }
        return out;
    }

    /** True when the trip holds its vehicle at {@code t}: live, and {@code t} within the window widened by {@link #GRACE}. */
    public static boolean covers(TripWindow w, OffsetDateTime t) {
        return w.live() && !t.isBefore(w.startsAt().minus(GRACE)) && t.isBefore(w.endsAt().plus(GRACE));
    }

    /** The batch with each position's assignment settled, or the items refused (404s: not the caller's; 400s: inconsistent). */
    public record Resolution(List<Reported> positions, List<FieldError> notFound, List<FieldError> invalid) {
    }

    /**
     * For a driver user: every position must fall in one of its own trips of that vehicle
     * ({@link #covers}); a given assignment_id must be that trip. The assignment is recorded with
     * each position. {@code trips} are the driver's only (the query's WHERE says whose).
     */
    public static Resolution forDriver(List<Reported> batch, Collection<TripWindow> trips) {
        Map<UUID, TripWindow> byId = index(trips);
        var positions = new ArrayList<Reported>(batch.size());
        var notFound = new ArrayList<FieldError>();
        for (Reported r : batch) {
            if (r.assignmentId() != null) {
                TripWindow w = byId.get(r.assignmentId());
                if (w == null || !w.live()) {
                    notFound.add(new FieldError(r.field("assignment_id"), "is not one of your assignments"));
                } else if (!w.vehicleId().equals(r.vehicleId())) {
                    notFound.add(new FieldError(r.field("vehicle_id"), "is not the vehicle of your assignment " + w.id()));
                } else if (!covers(w, r.recordedAt())) {
                    notFound.add(new FieldError(r.field("recorded_at"), "is outside your assignment's window (with "
                            + GRACE.toHours() + " h either side)"));
                } else {
                    positions.add(r);
                }
                continue;
            }
            TripWindow w = trips.stream()
                    .filter(t -> t.vehicleId().equals(r.vehicleId()) && covers(t, r.recordedAt()))
                    .min(Comparator.comparing(TripWindow::startsAt)).orElse(null);
            if (w == null) notFound.add(new FieldError(r.field("vehicle_id"), "is not on any of your assignments at recorded_at"));
            else positions.add(r.under(w.id()));
        }
        return new Resolution(positions, notFound, List.of());
    }

    /** For service and admin: any vehicle; a given assignment_id must exist and be the vehicle's. */
    public static Resolution forAnyVehicle(List<Reported> batch, Collection<TripWindow> named) {
        Map<UUID, TripWindow> byId = index(named);
        var notFound = new ArrayList<FieldError>();
        var invalid = new ArrayList<FieldError>();
        for (Reported r : batch) {
            if (r.assignmentId() == null) continue;
            TripWindow w = byId.get(r.assignmentId());
            if (w == null) notFound.add(new FieldError(r.field("assignment_id"), "is not an assignment"));
            else if (!w.vehicleId().equals(r.vehicleId())) {
                invalid.add(new FieldError(r.field("assignment_id"), "is an assignment of another vehicle (" + w.vehicleId() + ")"));
            }
        }
        return new Resolution(batch, notFound, invalid);
    }

    /**
     * The newest position of each vehicle in the batch (the first of equals, as the insert keeps
     * the first), by vehicle id: one upsert row per vehicle, taken in one order by every batch.
     */
    public static List<Reported> newestPerVehicle(List<Reported> batch) {
        var newest = new LinkedHashMap<UUID, Reported>();
        for (Reported r : batch) {
            newest.merge(r.vehicleId(), r, (kept, next) -> next.recordedAt().isAfter(kept.recordedAt()) ? next : kept);
        }
        return newest.values().stream().sorted(Comparator.comparing(Reported::vehicleId)).toList();
    }

    /** The batch in key order (vehicle, then time; stable): concurrent batches meet on shared keys in one order. */
    public static List<Reported> inKeyOrder(List<Reported> batch) {
        return batch.stream().sorted(Comparator.comparing(Reported::vehicleId).thenComparing(r -> r.recordedAt().toInstant())).toList();
    }

    /** A half-open time range [from, to); empty when to is not after from. */
    public record Span(OffsetDateTime from, OffsetDateTime to) {
        public boolean empty() {
            return !to.isAfter(from);
        }
    }

    /** The window a track covers: the assignment's [starts_at, ends_at), narrowed by from/to when given. */
    public static Span trackWindow(TripWindow a, OffsetDateTime from, OffsetDateTime to) {
        OffsetDateTime lo = from != null && from.isAfter(a.startsAt()) ? from : a.startsAt();
        OffsetDateTime hi = to != null && to.isBefore(a.endsAt()) ? to : a.endsAt();
        return new Span(lo, hi);
    }

    private static Map<UUID, TripWindow> index(Collection<TripWindow> trips) {
        var out = new LinkedHashMap<UUID, TripWindow>();
        for (TripWindow t : trips) out.put(t.id(), t);
        return out;
    }
}
