package com.coachway.charter.charters;

import com.coachway.charter.remote.ClientDirectory;
import com.coachway.charter.remote.Pricing;
import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.outbox.Outbox;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The charter use cases. What other services know (vehicle types, clients, contacts) is read
 * before a transaction starts, so no row stays locked while a neighbour is slow; the transaction
 * then re-checks what it decided on (the version, the vehicles) under the charter's row lock.
 */
public final class CharterActions {
    private static final Logger log = LoggerFactory.getLogger(CharterActions.class);

    private final DSLContext dsl;
    private final CharterStore charters;
    private final ClientDirectory clients;
    private final Pricing pricing;
    private final VehicleLookup vehicles;
    private final VehicleFit vehicleFit;
    private final OpenQuotes openQuotes;
    private final Outbox outbox;
    private final CharterAudit audit;
    private final Clock clock;

    public CharterActions(DSLContext dsl, CharterStore charters, ClientDirectory clients, Pricing pricing,
                          VehicleLookup vehicles, VehicleFit vehicleFit, OpenQuotes openQuotes, Outbox outbox, CharterAudit audit,
                          Clock clock) {
        this.audit = audit;
        this.dsl = dsl;
        this.charters = charters;
        this.clients = clients;
        this.pricing = pricing;
        this.vehicles = vehicles;
        this.vehicleFit = vehicleFit;
        this.openQuotes = openQuotes;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page<Charter> list(ClientScope scope, CharterStore.Filter filter, PageRequest page) {
        // A client user's list is its own, whatever it asked for.
        var f = scope.client().map(own -> new CharterStore.Filter(filter.status(), own, filter.from(), filter.to(),
                filter.q(), filter.sort())).orElse(filter);
        return charters.list(dsl, scope, f, page);
    }

    public Charter get(ClientScope scope, UUID id) {
        return charters.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Charter"));
    }

    public Page<HistoryEntry> history(ClientScope scope, UUID id, PageRequest page) {
        charters.head(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Charter"));
        return charters.history(dsl, id, page);
    }

    /** A new inquiry, from a body that is sound in itself; the checks that need other services happen here. */
    public Charter create(Caller caller, CharterInput.Fields f) {
        var expanded = CapacityRule.expand(f.vehicles(), pricing.vehicleTypes());
        var errors = new ArrayList<>(expanded.errors());
        if (errors.isEmpty()) errors.addAll(CapacityRule.check(f.passengerCount(), capacities(expanded.lines())));
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        requireClient(f.clientId(), f.contactId());

        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime endsAt = StopRules.endsAt(f.pickupAt(), f.returnAt(), f.stops()).orElseThrow();
        var created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            charters.insert(tx, new CharterStore.NewCharter(id, f.clientId(), f.contactId(), f.tripType(), f.passengerCount(),
                    f.pickupAt(), f.returnAt(), endsAt, f.stops(), expanded.lines(), f.amenities(), f.miles(), f.notes()),
                    now, caller.subject(), caller.email());
            return charters.find(tx, ClientScope.all(), id).orElseThrow();
        });
        log.info("charter {} ({}) created for client {}", created.reference(), id, f.clientId());
        return created;
    }

    private static List<Integer> capacities(List<CapacityRule.Line> lines) {
        return lines.stream().map(CapacityRule.Line::capacity).toList();
    }

    /** The client exists and is active, and the contact (if any) is one of its own. */
    private void requireClient(UUID clientId, UUID contactId) {
        var client = clients.client(clientId).orElseThrow(() ->
                ApiException.validation(List.of(new FieldError("client_id", "is not a client"))));
        if (!client.active()) {
            throw ApiException.conflict("The client is " + client.status() + "; charters are taken only for active clients");
        }
        if (contactId != null) requireContact(clientId, contactId);
    }

    private void requireContact(UUID clientId, UUID contactId) {
        if (clients.contact(clientId, contactId).isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("contact_id", "is not a contact of this client")));
        }
    }

    /**
     * A PATCH: the charter as it would be is validated as a whole like a new one, with the vehicle
     * types and the contact read from their services first; the transaction then applies it only
     * if the charter is still at the version the caller named.
     */
    public Charter update(Caller caller, ClientScope scope, UUID id, CharterInput.Fields f) {
        CharterHead before = charters.head(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Charter"));
        if (before.version() != f.version()) throw ApiException.versionConflict(before.version());
        if (before.status().isClosed()) {
            throw ApiException.conflict("The charter is " + before.status().code() + "; it cannot be changed any more");
        }

        List<StopInput> storedStops = stopsOf(scope, id);
        List<StopInput> stops = f.has("stops") ? f.stops() : storedStops;
        UUID contactId = f.has("contact_id") ? f.contactId() : before.contactId();
        String tripType = f.has("trip_type") ? f.tripType() : before.tripType();
        int passengers = f.has("passenger_count") ? f.passengerCount() : before.passengerCount();
        OffsetDateTime pickupAt = f.has("pickup_at") ? f.pickupAt() : before.pickupAt();
        OffsetDateTime returnAt = f.has("return_at") ? f.returnAt() : before.returnAt();
        List<String> amenities = f.has("amenities") ? f.amenities() : before.amenities();
        Integer miles = f.has("miles") ? f.miles() : before.miles();
        String notes = f.has("notes") ? f.notes() : before.notes();
        var ruleErrors = StopRules.check(stops, pickupAt, returnAt);
        if (!ruleErrors.isEmpty()) throw ApiException.validation(ruleErrors);
        OffsetDateTime endsAt = StopRules.endsAt(pickupAt, returnAt, stops).orElseThrow();

        var currentLines = charters.lines(dsl, id);
        List<CapacityRule.Line> newLines = null;
        List<Integer> capacities = currentLines.stream().map(CharterStore.LineRow::capacity).toList();
        if (f.has("vehicles")) {
            var expanded = CapacityRule.expand(f.vehicles(), pricing.vehicleTypes());
            if (!expanded.errors().isEmpty()) throw ApiException.validation(expanded.errors());
            // The same vehicles asked for again keep their lines, and with them any assignments.
            boolean same = expanded.lines().stream().map(CapacityRule.Line::vehicleType).toList()
                    .equals(currentLines.stream().map(CharterStore.LineRow::vehicleType).toList());
            if (!same) {
                newLines = expanded.lines();
                capacities = capacities(newLines);
            }
        }
        var capacityErrors = CapacityRule.check(passengers, capacities);
        if (!capacityErrors.isEmpty()) throw ApiException.validation(capacityErrors);
        if (f.has("contact_id") && contactId != null && !contactId.equals(before.contactId())) requireContact(before.clientId(), contactId);

        List<String> typesBefore = currentLines.stream().map(CharterStore.LineRow::vehicleType).toList();
        List<String> typesAfter = newLines == null ? typesBefore : newLines.stream().map(CapacityRule.Line::vehicleType).toList();
        boolean termsChanged = !TripTerms.of(before.tripType(), before.passengerCount(), before.pickupAt(), before.returnAt(),
                        before.amenities(), before.miles(), typesBefore, storedStops)
                .equals(TripTerms.of(tripType, passengers, pickupAt, returnAt, amenities, miles, typesAfter, stops));

        var change = new CharterStore.Change(contactId, tripType, passengers, pickupAt, returnAt, endsAt,
                f.has("stops") ? stops : null, newLines, amenities, miles, notes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CapacityRule.Line> linesToWrite = newLines;
        Updated updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, scope, id).orElseThrow(() -> ApiException.notFound("Charter"));
            // Validated against `before`, which had the version named: if it moved since, refuse.
            if (locked.version() != f.version()) throw ApiException.versionConflict(locked.version());
            if (linesToWrite != null && charters.lines(tx, id).stream().anyMatch(l -> l.vehicleId() != null)) {
                throw ApiException.conflict("The charter has vehicles assigned to its lines; unassign them before changing the vehicles");
            }
            boolean moves = !pickupAt.isEqual(locked.pickupAt()) || !endsAt.isEqual(locked.endsAt());
            if (moves) {
                // The assigned vehicles are held for the new window as if assigned now: each must still be in service.
                for (var line : charters.lines(tx, id)) {
                    if (line.vehicleId() == null) continue;
                    String status = vehicles.lockForAssignment(tx, line.vehicleId()).map(VehicleLookup.Fit::status).orElse("gone");
                    if (!"active".equals(status)) {
                        throw ApiException.conflict("An assigned vehicle is " + status + "; unassign it before moving the charter");
                    }
                }
            }
            charters.update(tx, locked, change, now);
            // A quote priced the old trip; accepting it would book the new trip at the old price.
            int superseded = termsChanged ? openQuotes.supersedeAll(tx, id) : 0;
            return new Updated(charters.find(tx, scope, id).orElseThrow(), superseded);
        });
        log.info("charter {} changed by {}; open quotes superseded: {}", id, caller.subject(), updated.supersededQuotes());
        return updated.charter();
    }

    private record Updated(Charter charter, int supersededQuotes) {
    }

    private List<StopInput> stopsOf(ClientScope scope, UUID id) {
        return charters.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Charter")).stops().stream()
                .map(s -> new StopInput(s.sequence(), s.address(), s.lat(), s.lon(), s.arriveAt(), s.departAt(), s.notes()))
                .toList();
    }

    /**
     * POST /charters/{id}/status: a step of the lifecycle; cancelling lets the vehicles go. A charter
     * that ends (completed or cancelled) tells finance-service through the outbox, in the same
     * transaction, so the books hear of every ending and of no refused one.
     */
    public Charter changeStatus(Caller caller, ClientScope scope, UUID id, CharterStatus target, String reason, Integer version) {
        Charter updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, scope, id).orElseThrow(() -> ApiException.notFound("Charter"));
            if (version != null && locked.version() != version) throw ApiException.versionConflict(locked.version());
            locked.status().refusalByStatusEndpoint(target).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            if (target == CharterStatus.CANCELLED) charters.releaseVehicles(tx, id);
            OffsetDateTime now = OffsetDateTime.now(clock);
            charters.setStatus(tx, locked, target, reason, caller.subject(), caller.email(), now);
            audit.statusChanged(tx, caller, locked, target, reason);
            if (CharterEvents.concernsFinance(target)) {
                outbox.enqueue(tx, CharterEvents.STATUS_CHANGED,
                        new CharterEvents.CharterStatusChanged(id, locked.clientId(), target.code(), now));
            }
            return charters.find(tx, scope, id).orElseThrow();
        });
        log.info("charter {} is now {} ({})", id, target.code(), caller.subject());
        return updated;
    }

    /** One line gets a vehicle (held for the charter's window), or none with a null vehicle. */
    public Charter assignVehicle(Caller caller, ClientScope scope, UUID id, UUID lineId, UUID vehicleId) {
        Charter updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, scope, id).orElseThrow(() -> ApiException.notFound("Charter"));
            var line = charters.line(tx, id, lineId).orElseThrow(() -> ApiException.notFound("Vehicle line"));
            if (locked.status().isClosed()) {
                throw ApiException.conflict("The charter is " + locked.status().code() + "; its vehicles cannot change any more");
            }
            if (Objects.equals(line.vehicleId(), vehicleId)) return charters.find(tx, scope, id).orElseThrow();
            if (vehicleId == null) {
                charters.unassign(tx, lineId);
            } else {
                var vehicle = vehicles.lockForAssignment(tx, vehicleId).orElseThrow(() ->
                        ApiException.validation(List.of(new FieldError("vehicle_id", "is not a vehicle"))));
                vehicleFit.misfit(vehicle.status(), vehicle.vehicleType(), vehicle.capacity(),
                        line.vehicleType(), line.capacity()).ifPresent(why -> {
                    throw ApiException.conflict(why);
                });
                charters.assign(tx, lineId, vehicleId, locked.pickupAt(), locked.endsAt());
            }
            charters.touch(tx, id, OffsetDateTime.now(clock));
            return charters.find(tx, scope, id).orElseThrow();
        });
        log.info("charter {} line {} now has vehicle {} ({})", id, lineId, vehicleId, caller.subject());
        return updated;
    }
}
