package com.coachway.charter.charters;

import com.coachway.common.auth.ClientScope;
import com.coachway.db.charter.tables.records.CharterStatusHistoryRecord;
import com.coachway.db.charter.tables.records.CharterStopsRecord;
import com.coachway.db.charter.tables.records.CharterVehicleLinesRecord;
import com.coachway.db.charter.tables.records.ChartersRecord;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.coachway.db.charter.Sequences.CHARTER_REFERENCE_SEQ;
import static com.coachway.db.charter.Tables.CHARTERS;
import static com.coachway.db.charter.Tables.CHARTER_STATUS_HISTORY;
import static com.coachway.db.charter.Tables.CHARTER_STOPS;
import static com.coachway.db.charter.Tables.CHARTER_VEHICLE_LINES;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

/**
 * The jOOQ queries for charters, their stops, vehicle lines and status history. Every method runs
 * on the DSLContext it is given: the pool's, or a transaction's own. Reads a portal user can make
 * take its {@link ClientScope}, which is part of their WHERE. A page of charters is three
 * statements whatever its size: the count, the rows with their stops and lines (multiset), and
 * their current quotes.
 */
public final class CharterStore {
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final CurrentQuotes quotes;

    public CharterStore(CurrentQuotes quotes) {
        this.quotes = quotes;
    }

    private static final Field<List<Charter.Stop>> STOPS = multiset(
            select(CHARTER_STOPS.ID, CHARTER_STOPS.SEQUENCE, CHARTER_STOPS.ADDRESS, CHARTER_STOPS.LAT, CHARTER_STOPS.LON,
                    CHARTER_STOPS.ARRIVE_AT, CHARTER_STOPS.DEPART_AT, CHARTER_STOPS.NOTES)
                    .from(CHARTER_STOPS).where(CHARTER_STOPS.CHARTER_ID.eq(CHARTERS.ID)).orderBy(CHARTER_STOPS.SEQUENCE))
            .as("stops").convertFrom(r -> r.map(Records.mapping(Charter.Stop::new)));

    private static final Field<List<Charter.VehicleLine>> LINES = multiset(
            select(CHARTER_VEHICLE_LINES.ID, CHARTER_VEHICLE_LINES.POSITION, CHARTER_VEHICLE_LINES.VEHICLE_TYPE,
                    CHARTER_VEHICLE_LINES.CAPACITY, CHARTER_VEHICLE_LINES.VEHICLE_ID)
                    .from(CHARTER_VEHICLE_LINES).where(CHARTER_VEHICLE_LINES.CHARTER_ID.eq(CHARTERS.ID))
                    .orderBy(CHARTER_VEHICLE_LINES.POSITION))
            .as("vehicles").convertFrom(r -> r.map(Records.mapping(Charter.VehicleLine::new)));

    private static Charter toCharter(Record r) {
        return new Charter(r.get(CHARTERS.ID), r.get(CHARTERS.REFERENCE), r.get(CHARTERS.CLIENT_ID),
                r.get(CHARTERS.CONTACT_ID), r.get(CHARTERS.TRIP_TYPE), r.get(CHARTERS.STATUS),
                r.get(CHARTERS.PASSENGER_COUNT), r.get(CHARTERS.PICKUP_AT), r.get(CHARTERS.RETURN_AT),
                r.get(CHARTERS.ENDS_AT), r.get(STOPS), r.get(LINES), r.get(CHARTERS.VENDOR_ID), List.of(r.get(CHARTERS.AMENITIES)),
                r.get(CHARTERS.MILES), r.get(CHARTERS.NOTES), null, r.get(CHARTERS.VERSION),
                r.get(CHARTERS.CREATED_AT), r.get(CHARTERS.UPDATED_AT));
    }

    private static CharterHead toHead(Record r) {
        return new CharterHead(r.get(CHARTERS.ID), r.get(CHARTERS.REFERENCE), r.get(CHARTERS.CLIENT_ID),
                r.get(CHARTERS.CONTACT_ID), r.get(CHARTERS.TRIP_TYPE), CharterStatus.of(r.get(CHARTERS.STATUS)),
                r.get(CHARTERS.PASSENGER_COUNT), r.get(CHARTERS.PICKUP_AT), r.get(CHARTERS.RETURN_AT),
                r.get(CHARTERS.ENDS_AT), List.of(r.get(CHARTERS.AMENITIES)), r.get(CHARTERS.MILES),
                r.get(CHARTERS.NOTES), r.get(CHARTERS.VENDOR_ID), r.get(CHARTERS.VERSION));
    }

    // ---- reads ----

    public Optional<Charter> find(DSLContext ctx, ClientScope scope, UUID id) {
        return ctx.select(CHARTERS.asterisk(), STOPS, LINES).from(CHARTERS)
                .where(CHARTERS.ID.eq(id), scope.where(CHARTERS.CLIENT_ID))
                .fetchOptional(CharterStore::toCharter)
                .map(c -> c.withCurrentQuote(quotes.currentFor(ctx, List.of(c.id())).get(c.id())));
    }

    public Optional<CharterHead> head(DSLContext ctx, ClientScope scope, UUID id) {
        return ctx.selectFrom(CHARTERS).where(CHARTERS.ID.eq(id), scope.where(CHARTERS.CLIENT_ID))
                .fetchOptional(CharterStore::toHead);
    }

    /** The charter's row, locked until the transaction ends: every change to a charter starts here. */
    public Optional<CharterHead> lock(DSLContext tx, ClientScope scope, UUID id) {
        return tx.selectFrom(CHARTERS).where(CHARTERS.ID.eq(id), scope.where(CHARTERS.CLIENT_ID)).forUpdate()
                .fetchOptional(CharterStore::toHead);
    }

    public record Filter(String status, UUID clientId, OffsetDateTime from, OffsetDateTime to, String q, String sort) {
    }

    public Page<Charter> list(DSLContext ctx, ClientScope scope, Filter f, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        conditions.add(scope.where(CHARTERS.CLIENT_ID));
        if (f.status() != null) conditions.add(CHARTERS.STATUS.eq(f.status()));
        if (f.clientId() != null) conditions.add(CHARTERS.CLIENT_ID.eq(f.clientId()));
        if (f.from() != null) conditions.add(CHARTERS.PICKUP_AT.ge(f.from()));
        if (f.to() != null) conditions.add(CHARTERS.PICKUP_AT.le(f.to()));
        if (f.q() != null) conditions.add(search(f.q()));
        Condition where = DSL.and(conditions);
        int total = ctx.fetchCount(CHARTERS, where);
        Page<Charter> found = order(f.sort()).page(ctx.select(CHARTERS.asterisk(), STOPS, LINES).from(CHARTERS).where(where),
                page, total, CharterStore::toCharter);
        return found.withItems(items -> {
            var current = quotes.currentFor(ctx, items.stream().map(Charter::id).toList());
            return items.stream().map(c -> c.withCurrentQuote(current.get(c.id()))).toList();
        });
    }

    private static final Keyset BY_PICKUP = Keyset.of("charters:pickup_at", CHARTERS.PICKUP_AT.asc(), CHARTERS.ID.asc());
    private static final Keyset BY_PICKUP_DESC = Keyset.of("charters:-pickup_at", CHARTERS.PICKUP_AT.desc(), CHARTERS.ID.desc());
    private static final Keyset BY_CREATED = Keyset.of("charters:created_at", CHARTERS.CREATED_AT.asc(), CHARTERS.ID.asc());
    private static final Keyset BY_CREATED_DESC = Keyset.of("charters:-created_at", CHARTERS.CREATED_AT.desc(), CHARTERS.ID.desc());

    private static Keyset order(String sort) {
        return switch (sort == null ? "pickup_at" : sort) {
            case "-pickup_at" -> BY_PICKUP_DESC;
            case "created_at" -> BY_CREATED;
            case "-created_at" -> BY_CREATED_DESC;
            default -> BY_PICKUP;
        };
    }

    /**
     * A reference (or its start, "CW-2026-004") is a prefix range on the reference index, inlined
     * so every plan can use it; anything else is a part of the reference, notes or a stop address,
     * on the trigram index.
     */
    static Condition search(String q) {
        String text = q.strip();
        if (REFERENCE_PREFIX.matcher(text).matches()) return CHARTERS.REFERENCE.like(DSL.inline(text.toUpperCase(Locale.ROOT) + "%"));
        return CHARTERS.SEARCH_TEXT.like("%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%", '\\');
    }

    private static final Pattern REFERENCE_PREFIX = Pattern.compile("(?i)^CW-\\d{4}(-\\d{0,9})?$");

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final Keyset HISTORY = Keyset.of("charter-history", CHARTER_STATUS_HISTORY.AT.asc(), CHARTER_STATUS_HISTORY.ID.asc());

    public Page<HistoryEntry> history(DSLContext ctx, UUID charterId, PageRequest page) {
        var where = CHARTER_STATUS_HISTORY.CHARTER_ID.eq(charterId);
        int total = ctx.fetchCount(CHARTER_STATUS_HISTORY, where);
        return HISTORY.page(ctx.select(CHARTER_STATUS_HISTORY.ID, CHARTER_STATUS_HISTORY.FROM_STATUS, CHARTER_STATUS_HISTORY.TO_STATUS,
                        CHARTER_STATUS_HISTORY.REASON, CHARTER_STATUS_HISTORY.ACTOR, CHARTER_STATUS_HISTORY.ACTOR_EMAIL,
                        CHARTER_STATUS_HISTORY.AT)
                .from(CHARTER_STATUS_HISTORY).where(where), page, total, Records.mapping(HistoryEntry::new));
    }

    /** A line of this charter, as assignment needs it. */
    public record LineRow(UUID id, String vehicleType, int capacity, UUID vehicleId) {
    }

    public Optional<LineRow> line(DSLContext tx, UUID charterId, UUID lineId) {
        return tx.select(CHARTER_VEHICLE_LINES.ID, CHARTER_VEHICLE_LINES.VEHICLE_TYPE, CHARTER_VEHICLE_LINES.CAPACITY,
                        CHARTER_VEHICLE_LINES.VEHICLE_ID)
                .from(CHARTER_VEHICLE_LINES)
                .where(CHARTER_VEHICLE_LINES.ID.eq(lineId), CHARTER_VEHICLE_LINES.CHARTER_ID.eq(charterId))
                .fetchOptional(Records.mapping(LineRow::new));
    }

    public List<LineRow> lines(DSLContext tx, UUID charterId) {
        return tx.select(CHARTER_VEHICLE_LINES.ID, CHARTER_VEHICLE_LINES.VEHICLE_TYPE, CHARTER_VEHICLE_LINES.CAPACITY,
                        CHARTER_VEHICLE_LINES.VEHICLE_ID)
                .from(CHARTER_VEHICLE_LINES).where(CHARTER_VEHICLE_LINES.CHARTER_ID.eq(charterId))
                .orderBy(CHARTER_VEHICLE_LINES.POSITION)
                .fetch(Records.mapping(LineRow::new));
    }

    // ---- writes ----

    /** A validated new charter; lines are one per vehicle. */
    public record NewCharter(UUID id, UUID clientId, UUID contactId, String tripType, int passengerCount,
                             OffsetDateTime pickupAt, OffsetDateTime returnAt, OffsetDateTime endsAt,
                             List<StopInput> stops, List<CapacityRule.Line> lines, List<String> amenities,
                             Integer miles, String notes) {
    }

    public void insert(DSLContext tx, NewCharter n, OffsetDateTime now, String actor, String actorEmail) {
        long number = tx.nextval(CHARTER_REFERENCE_SEQ);
        String reference = Reference.format(now.withOffsetSameInstant(ZoneOffset.UTC).getYear(), number);
        var row = new ChartersRecord();
        row.setId(n.id());
        row.setReference(reference);
        row.setClientId(n.clientId());
        row.setContactId(n.contactId());
        row.setTripType(n.tripType());
        row.setStatus(CharterStatus.INQUIRY.code());
        row.setPassengerCount(n.passengerCount());
        row.setPickupAt(n.pickupAt());
        row.setReturnAt(n.returnAt());
        row.setEndsAt(n.endsAt());
        row.setAmenities(n.amenities().toArray(String[]::new));
        row.setMiles(n.miles());
        row.setNotes(n.notes());
        row.setSearchText(searchText(reference, n.notes(), n.stops().stream().map(StopInput::address).toList()));
        row.setCreatedBy(actor);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        tx.insertInto(CHARTERS).set(row).execute();
        insertStops(tx, n.id(), n.stops());
        insertLines(tx, n.id(), n.lines());
        recordTransition(tx, n.id(), null, CharterStatus.INQUIRY, "created", actor, actorEmail);
    }

    private static void insertStops(DSLContext tx, UUID charterId, List<StopInput> stops) {
        if (stops.isEmpty()) return;
        InsertSetMoreStep<CharterStopsRecord> insert = null;
        for (StopInput s : stops) {
            var row = new CharterStopsRecord();
            row.setId(Ids.newId());
            row.setCharterId(charterId);
            row.setSequence(s.sequence());
            row.setAddress(s.address());
            row.setLat(s.lat());
            row.setLon(s.lon());
            row.setArriveAt(s.arriveAt());
            row.setDepartAt(s.departAt());
            row.setNotes(s.notes());
            insert = insert == null ? tx.insertInto(CHARTER_STOPS).set(row) : insert.newRecord().set(row);
        }
        insert.execute();
    }

    private static void insertLines(DSLContext tx, UUID charterId, List<CapacityRule.Line> lines) {
        if (lines.isEmpty()) return;
        InsertSetMoreStep<CharterVehicleLinesRecord> insert = null;
        int position = 1;
        for (CapacityRule.Line l : lines) {
            var row = new CharterVehicleLinesRecord();
            row.setId(Ids.newId());
            row.setCharterId(charterId);
            row.setPosition(position++);
            row.setVehicleType(l.vehicleType());
            row.setCapacity(l.capacity());
            insert = insert == null ? tx.insertInto(CHARTER_VEHICLE_LINES).set(row) : insert.newRecord().set(row);
        }
        insert.execute();
    }

    /** The charter as it is after a PATCH; stops or lines null keep the current ones. */
    public record Change(UUID contactId, String tripType, int passengerCount, OffsetDateTime pickupAt,
                         OffsetDateTime returnAt, OffsetDateTime endsAt, List<StopInput> stops,
                         List<CapacityRule.Line> lines, List<String> amenities, Integer miles, String notes) {
    }

    /**
     * Applies a change the caller has validated, on a row it has locked, bumping the version.
     * Assigned vehicles move with the charter's window; where that makes one overlap another
     * charter, the database refuses and so do we (409).
     */
    public void update(DSLContext tx, CharterHead before, Change c, OffsetDateTime now) {
        if (c.stops() != null) {
            tx.deleteFrom(CHARTER_STOPS).where(CHARTER_STOPS.CHARTER_ID.eq(before.id())).execute();
            insertStops(tx, before.id(), c.stops());
        }
        if (c.lines() != null) {
            tx.deleteFrom(CHARTER_VEHICLE_LINES).where(CHARTER_VEHICLE_LINES.CHARTER_ID.eq(before.id())).execute();
            insertLines(tx, before.id(), c.lines());
        }
        List<String> addresses = tx.select(CHARTER_STOPS.ADDRESS).from(CHARTER_STOPS)
                .where(CHARTER_STOPS.CHARTER_ID.eq(before.id())).orderBy(CHARTER_STOPS.SEQUENCE).fetch(CHARTER_STOPS.ADDRESS);
        var row = new ChartersRecord();
        row.setContactId(c.contactId());
        row.setTripType(c.tripType());
        row.setPassengerCount(c.passengerCount());
        row.setPickupAt(c.pickupAt());
        row.setReturnAt(c.returnAt());
        row.setEndsAt(c.endsAt());
        row.setAmenities(c.amenities().toArray(String[]::new));
        row.setMiles(c.miles());
        row.setNotes(c.notes());
        row.setSearchText(searchText(before.reference(), c.notes(), addresses));
        row.setUpdatedAt(now);
        tx.update(CHARTERS).set(row).set(CHARTERS.VERSION, CHARTERS.VERSION.plus(1))
                .where(CHARTERS.ID.eq(before.id()))
                .execute();
        if (!c.pickupAt().isEqual(before.pickupAt()) || !c.endsAt().isEqual(before.endsAt())) {
            guardDoubleBooking(() -> tx.update(CHARTER_VEHICLE_LINES)
                    .set(CHARTER_VEHICLE_LINES.HELD_FROM, c.pickupAt()).set(CHARTER_VEHICLE_LINES.HELD_TO, c.endsAt())
                    .where(CHARTER_VEHICLE_LINES.CHARTER_ID.eq(before.id()), CHARTER_VEHICLE_LINES.VEHICLE_ID.isNotNull())
                    .execute(), "One of the charter's assigned vehicles is on another charter in the new window; unassign it first");
        }
    }

    /** Moves the charter to {@code to} (the caller checked the lifecycle), bumps the version, records the transition. */
    public void setStatus(DSLContext tx, CharterHead before, CharterStatus to, String reason, String actor,
                          String actorEmail, OffsetDateTime now) {
        var row = new ChartersRecord();
        row.setStatus(to.code());
        row.setUpdatedAt(now);
        tx.update(CHARTERS).set(row).set(CHARTERS.VERSION, CHARTERS.VERSION.plus(1))
                .where(CHARTERS.ID.eq(before.id()))
                .execute();
        recordTransition(tx, before.id(), before.status(), to, reason, actor, actorEmail);
    }

    private static void recordTransition(DSLContext tx, UUID charterId, CharterStatus from, CharterStatus to,
                                         String reason, String actor, String actorEmail) {
        var row = new CharterStatusHistoryRecord();
        row.setId(Ids.newId());
        row.setCharterId(charterId);
        row.setFromStatus(from == null ? null : from.code());
        row.setToStatus(to.code());
        row.setReason(reason);
        row.setActor(actor);
        row.setActorEmail(actorEmail);
        tx.insertInto(CHARTER_STATUS_HISTORY).set(row).execute();
    }

    /** Records the vendor that runs the charter (an award); its version moves on. */
    public void setVendor(DSLContext tx, UUID id, UUID vendorId, OffsetDateTime now) {
        tx.update(CHARTERS).set(CHARTERS.VENDOR_ID, vendorId).set(CHARTERS.VERSION, CHARTERS.VERSION.plus(1))
                .set(CHARTERS.UPDATED_AT, now).where(CHARTERS.ID.eq(id)).execute();
    }

    /** A change to the charter that is not a field of its own (a vehicle assigned): its version moves on. */
    public void touch(DSLContext tx, UUID id, OffsetDateTime now) {
        tx.update(CHARTERS).set(CHARTERS.VERSION, CHARTERS.VERSION.plus(1)).set(CHARTERS.UPDATED_AT, now)
                .where(CHARTERS.ID.eq(id)).execute();
    }

    /** Holds {@code vehicleId} for the window on this line; 409 when it overlaps another hold of the vehicle. */
    public void assign(DSLContext tx, UUID lineId, UUID vehicleId, OffsetDateTime from, OffsetDateTime to) {
        var row = new CharterVehicleLinesRecord();
        row.setVehicleId(vehicleId);
        row.setHeldFrom(from);
        row.setHeldTo(to);
        guardDoubleBooking(() -> tx.update(CHARTER_VEHICLE_LINES).set(row)
                .where(CHARTER_VEHICLE_LINES.ID.eq(lineId))
                .execute(), "The vehicle is already on a charter whose window overlaps this one");
    }

    public void unassign(DSLContext tx, UUID lineId) {
        tx.update(CHARTER_VEHICLE_LINES)
                .setNull(CHARTER_VEHICLE_LINES.VEHICLE_ID).setNull(CHARTER_VEHICLE_LINES.HELD_FROM).setNull(CHARTER_VEHICLE_LINES.HELD_TO)
                .where(CHARTER_VEHICLE_LINES.ID.eq(lineId))
                .execute();
    }

    /** A cancelled charter lets its vehicles go. */
    public void releaseVehicles(DSLContext tx, UUID charterId) {
        tx.update(CHARTER_VEHICLE_LINES)
                .setNull(CHARTER_VEHICLE_LINES.VEHICLE_ID).setNull(CHARTER_VEHICLE_LINES.HELD_FROM).setNull(CHARTER_VEHICLE_LINES.HELD_TO)
                .where(CHARTER_VEHICLE_LINES.CHARTER_ID.eq(charterId), CHARTER_VEHICLE_LINES.VEHICLE_ID.isNotNull())
                .execute();
    }

    /**
     * Runs a write the exclusion constraint guards. Under concurrency the loser waits for the
     * winner's commit and then fails here, so the check cannot be raced past.
     */
    private static void guardDoubleBooking(Runnable write, String conflict) {
        try {
            write.run();
        } catch (DataAccessException e) {
            SQLException sql = e.getCause(SQLException.class);
            if (sql != null && EXCLUSION_VIOLATION.equals(sql.getSQLState())) throw ApiException.conflict(conflict);
            throw e;
        }
    }

    static String searchText(String reference, String notes, List<String> addresses) {
        var parts = new ArrayList<String>(Arrays.asList(reference, notes == null ? "" : notes));
        parts.addAll(addresses);
        return String.join(" ", parts).toLowerCase(Locale.ROOT);
    }
}
