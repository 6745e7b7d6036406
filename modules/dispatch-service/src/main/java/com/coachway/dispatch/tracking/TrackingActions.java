package com.coachway.dispatch.tracking;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.Problems;
import com.coachway.dispatch.access.DriverScope;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * GPS tracking: batches of positions stored once each, with each vehicle's latest moved only
 * forward in recorded time; a vehicle's latest; an assignment's track. Positions are checked
 * (time, whose trip) before the one transaction that stores them, so a refused batch writes nothing.
 */
public final class TrackingActions {
    private final DSLContext dsl;
    private final TrackingStore store;
    private final Clock clock;

    public TrackingActions(DSLContext dsl, TrackingStore store, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.clock = clock;
    }

    /** A trip track page: the window it covers and its positions. */
    public record Track(UUID assignmentId, UUID vehicleId, OffsetDateTime from, OffsetDateTime to, List<VehiclePosition> items,
                        long total, int limit, int offset, String next) {
    }

    public Accepted post(DriverScope scope, List<Reported> batch) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var timing = TrackingRules.timeProblems(batch, now);
        if (!timing.isEmpty()) throw ApiException.validation(timing);
        var resolution = scope.driver().isPresent() ? forDriver(scope, batch) : forAnyVehicle(batch);
        if (!resolution.notFound().isEmpty()) throw notFound(resolution.notFound());
        if (!resolution.invalid().isEmpty()) throw ApiException.validation(resolution.invalid());
        List<Reported> positions = TrackingRules.inKeyOrder(resolution.positions());
        int stored = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            int inserted = store.insert(tx, positions, now);
            store.advanceLatest(tx, TrackingRules.newestPerVehicle(positions), now);
            return inserted;
        });
        return new Accepted(stored, positions.size() - stored);
    }

    private TrackingRules.Resolution forDriver(DriverScope scope, List<Reported> batch) {
        var ids = batch.stream().map(Reported::assignmentId).filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        var vehicles = batch.stream().map(Reported::vehicleId).collect(Collectors.toSet());
        OffsetDateTime first = batch.stream().map(Reported::recordedAt).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime last = batch.stream().map(Reported::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        // every trip that could cover one of the positions: covers() takes the widened start itself, hence a microsecond past it
        var trips = new ArrayList<>(store.liveTrips(dsl, scope, vehicles, first.minus(TrackingRules.GRACE),
                last.plus(TrackingRules.GRACE).plusNanos(1000)));
        var known = trips.stream().map(TripWindow::id).collect(Collectors.toSet());
        ids.removeAll(known);
        trips.addAll(store.trips(dsl, scope, ids));
        return TrackingRules.forDriver(batch, trips);
    }

    private TrackingRules.Resolution forAnyVehicle(List<Reported> batch) {
        var ids = batch.stream().map(Reported::assignmentId).filter(Objects::nonNull).collect(Collectors.toSet());
        return TrackingRules.forAnyVehicle(batch, store.trips(dsl, DriverScope.all(), ids));
    }

    /** The vehicle's latest position; a driver user's only while the vehicle is on one of its trips (now, with the grace). */
    public VehiclePosition latest(DriverScope scope, UUID vehicleId) {
        if (scope.driver().isPresent()) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean onTrip = store.liveTrips(dsl, scope, List.of(vehicleId), now.minus(TrackingRules.GRACE), now.plus(TrackingRules.GRACE))
                    .stream().anyMatch(t -> TrackingRules.covers(t, now));
            if (!onTrip) throw ApiException.notFound("Vehicle position");
        }
        return store.latest(dsl, vehicleId).orElseThrow(() -> ApiException.notFound("Vehicle position"));
    }

    public Track track(DriverScope scope, UUID assignmentId, OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        TripWindow trip = store.trip(dsl, scope, assignmentId).orElseThrow(() -> ApiException.notFound("Assignment"));
        var span = TrackingRules.trackWindow(trip, from, to);
        if (span.empty()) return new Track(assignmentId, trip.vehicleId(), span.from(), span.to(), List.of(), 0, page.limit(), page.offset(), null);
        var positions = store.track(dsl, trip.vehicleId(), span, page);
        return new Track(assignmentId, trip.vehicleId(), span.from(), span.to(), positions.items(), positions.total(), positions.limit(),
                positions.offset(), positions.next());
    }

    private static ApiException notFound(List<FieldError> errors) {
        return new ApiException(404, Problems.NOT_FOUND, "Not found",
                "Some positions name an assignment, or a vehicle on a trip, that was not found (or is not yours); nothing was stored", errors);
    }
}
