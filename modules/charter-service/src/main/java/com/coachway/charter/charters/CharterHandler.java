package com.coachway.charter.charters;

import com.coachway.common.auth.ClientScope;
import com.coachway.charter.remote.ClientDirectory;
import com.coachway.charter.remote.Pricing;
import com.coachway.charter.vehicles.VehicleRules;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Charters: list, create, read, change, move along the lifecycle, history, vehicle assignment. */
public final class CharterHandler {
    private static final Logger log = LoggerFactory.getLogger(CharterHandler.class);
    private static final List<String> SORTS = List.of("pickup_at", "-pickup_at", "created_at", "-created_at");

    private final DSLContext dsl;
    private final CharterStore charters;
    private final ClientDirectory clients;
    private final Pricing pricing;
    private final VehicleLookup vehicles;
    private final OpenQuotes openQuotes;
    private final ZoneId tripZone;
    private final Clock clock;

    public CharterHandler(DSLContext dsl, CharterStore charters, ClientDirectory clients, Pricing pricing,
                          VehicleLookup vehicles, OpenQuotes openQuotes, ZoneId tripZone, Clock clock) {
        this.dsl = dsl;
        this.charters = charters;
        this.clients = clients;
        this.pricing = pricing;
        this.vehicles = vehicles;
        this.openQuotes = openQuotes;
        this.tripZone = tripZone;
        this.clock = clock;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var q = Query.of(ctx);
        String status = q.oneOf("status", CharterStatus.codes());
        UUID clientId = q.uuid("client_id");
        OffsetDateTime from = bound(q, "from", false);
        OffsetDateTime to = bound(q, "to", true);
        String text = q.string("q", 200);
        String sort = q.oneOf("sort", SORTS);
        var page = q.page();
        q.validate();
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.validation(List.of(new FieldError("to", "must not be before from")));
        }
        // A client user's list is its own, whatever it asked for.
        clientId = ClientScope.limitedTo(caller).orElse(clientId);
        ctx.json(charters.list(new CharterStore.Filter(status, clientId, from, to, text, sort), page));
    }

    /**
     * A date-time with offset, or a date meaning that whole day where the trips run (TZ, as pricing
     * counts days): a dispatcher asking for the 10th means the 10th on the local calendar.
     */
    private OffsetDateTime bound(Query q, String name, boolean endOfDay) {
        String raw = q.string(name, 40);
        if (raw == null) return null;
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(raw);
                return endOfDay ? day.plusDays(1).atStartOfDay(tripZone).toOffsetDateTime().minusNanos(1000)
                        : day.atStartOfDay(tripZone).toOffsetDateTime();
            } catch (DateTimeException notDateOrPastTheCalendar) { // e.g. the day after +999999999-12-31
                throw ApiException.validation(List.of(new FieldError(name, "must be a date-time with offset or a date, YYYY-MM-DD")));
            }
        }
    }

    public void get(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        Charter charter = charters.find(Ids.pathId(ctx, "id", "Charter")).orElseThrow(() -> ApiException.notFound("Charter"));
        ClientScope.check(caller, charter.clientId(), "Charter");
        ctx.json(charter);
    }

    public void history(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        CharterHead head = charters.head(id).orElseThrow(() -> ApiException.notFound("Charter"));
        ClientScope.check(caller, head.clientId(), "Charter");
        ctx.json(charters.history(id, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        var f = CharterInput.readCreate(in);
        if (f.stops() != null && f.pickupAt() != null) StopRules.check(f.stops(), f.pickupAt(), f.returnAt()).forEach(e -> in.error(e.field(), e.message()));
        in.validate();

        // Remote checks only once the body itself is sound: bad input never waits on another service.
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
            return charters.find(tx, id).orElseThrow();
        });
        log.info("charter {} ({}) created for client {}", created.reference(), id, f.clientId());
        ctx.status(201).header("Location", "/charters/" + id).json(created);
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

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        var f = CharterInput.readPatch(in);
        in.validate();
        CharterHead before = charters.head(id).orElseThrow(() -> ApiException.notFound("Charter"));
        ClientScope.check(caller, before.clientId(), "Charter");
        if (before.version() != f.version()) throw ApiException.versionConflict(before.version());
        if (before.status().isClosed()) {
            throw ApiException.conflict("The charter is " + before.status().code() + "; it cannot be changed any more");
        }

        // The charter as it would be, validated as a whole like a new one.
        List<StopInput> storedStops = stopsOf(id);
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

        var currentLines = charters.lines(id);
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
            CharterHead locked = charters.lock(tx, id).orElseThrow(() -> ApiException.notFound("Charter"));
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
            return new Updated(charters.find(tx, id).orElseThrow(), superseded);
        });
        log.info("charter {} changed by {}; open quotes superseded: {}", id, caller.subject(), updated.supersededQuotes());
        ctx.json(updated.charter());
    }

    private record Updated(Charter charter, int supersededQuotes) {
    }

    private List<StopInput> stopsOf(UUID id) {
        return charters.find(id).orElseThrow(() -> ApiException.notFound("Charter")).stops().stream()
                .map(s -> new StopInput(s.sequence(), s.address(), s.lat(), s.lon(), s.arriveAt(), s.departAt(), s.notes()))
                .toList();
    }

    public void changeStatus(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        String code = in.requiredEnum("status", CharterStatus.codes());
        String reason = in.optionalString("reason");
        Integer version = in.optionalInt("version");
        in.validate();
        CharterStatus target = CharterStatus.of(code);

        Charter updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, id).orElseThrow(() -> ApiException.notFound("Charter"));
            ClientScope.check(caller, locked.clientId(), "Charter");
            if (version != null && locked.version() != version) throw ApiException.versionConflict(locked.version());
            locked.status().refusalByStatusEndpoint(target).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            if (target == CharterStatus.CANCELLED) charters.releaseVehicles(tx, id);
            charters.setStatus(tx, locked, target, reason, caller.subject(), caller.email(), OffsetDateTime.now(clock));
            return charters.find(tx, id).orElseThrow();
        });
        log.info("charter {} is now {} ({})", id, target.code(), caller.subject());
        ctx.json(updated);
    }

    /** PUT /charters/{id}/vehicles/{line_id}: assign a vehicle to one line, or unassign with null. */
    public void assignVehicle(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Charter");
        UUID lineId = Ids.pathId(ctx, "line_id", "Vehicle line");
        var in = JsonInput.of(ctx);
        UUID vehicleId = in.optionalUuid("vehicle_id");
        in.validate();

        Charter updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            CharterHead locked = charters.lock(tx, id).orElseThrow(() -> ApiException.notFound("Charter"));
            ClientScope.check(caller, locked.clientId(), "Charter");
            var line = charters.line(tx, id, lineId).orElseThrow(() -> ApiException.notFound("Vehicle line"));
            if (locked.status().isClosed()) {
                throw ApiException.conflict("The charter is " + locked.status().code() + "; its vehicles cannot change any more");
            }
            if (Objects.equals(line.vehicleId(), vehicleId)) return charters.find(tx, id).orElseThrow();
            if (vehicleId == null) {
                charters.unassign(tx, lineId);
            } else {
                var vehicle = vehicles.lockForAssignment(tx, vehicleId).orElseThrow(() ->
                        ApiException.validation(List.of(new FieldError("vehicle_id", "is not a vehicle"))));
                VehicleRules.misfit(vehicle.status(), vehicle.vehicleType(), vehicle.capacity(),
                        line.vehicleType(), line.capacity()).ifPresent(why -> {
                    throw ApiException.conflict(why);
                });
                charters.assign(tx, lineId, vehicleId, locked.pickupAt(), locked.endsAt());
            }
            charters.touch(tx, id, OffsetDateTime.now(clock));
            return charters.find(tx, id).orElseThrow();
        });
        log.info("charter {} line {} now has vehicle {} ({})", id, lineId, vehicleId, caller.subject());
        ctx.json(updated);
    }

    /** How assignment sees a vehicle; implemented by the vehicles store. */
    public interface OpenQuotes {
        /** Every draft or sent quote of the charter becomes superseded; returns how many. */
        int supersedeAll(DSLContext tx, UUID charterId);
    }

    public interface VehicleLookup {
        record Fit(String status, String vehicleType, int capacity) {
        }

        /** The vehicle, share-locked so it cannot be retired or retyped while it is being assigned. */
        Optional<Fit> lockForAssignment(DSLContext tx, UUID vehicleId);
    }
}
