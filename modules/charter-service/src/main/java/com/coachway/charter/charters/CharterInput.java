package com.coachway.charter.charters;

import com.coachway.common.http.JsonInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the fields of a charter body (POST: all required ones; PATCH: only those present). Every
 * problem is collected into the JsonInput's errors; rules that span fields (stops, capacity) run
 * afterwards on what could be read.
 */
public final class CharterInput {
    static final String[] CREATE_FIELDS = {"client_id", "contact_id", "trip_type", "passenger_count", "pickup_at",
            "return_at", "stops", "vehicles", "amenities", "miles", "notes"};
    static final String[] PATCH_FIELDS = {"version", "contact_id", "trip_type", "passenger_count", "pickup_at",
            "return_at", "stops", "vehicles", "amenities", "miles", "notes"};
    // Far enough either way for any real trip; outside it a date is a typo (20260 for 2026).
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    private static final OffsetDateTime LATEST = OffsetDateTime.parse("2100-01-01T00:00:00Z");

    private CharterInput() {
    }

    /** The fields read; for a PATCH, {@code present} says which ones the body named (null may mean "clear"). */
    public record Fields(Set<String> present, Integer version, UUID clientId, UUID contactId, String tripType,
                         Integer passengerCount, OffsetDateTime pickupAt, OffsetDateTime returnAt,
                         List<StopInput> stops, List<VehicleRequest> vehicles, List<String> amenities, Integer miles,
                         String notes) {
        public boolean has(String field) {
            return present.contains(field);
        }
    }

    public static Fields readCreate(JsonInput in) {
        return read(in, false);
    }

    public static Fields readPatch(JsonInput in) {
        return read(in, true);
    }

    private static Fields read(JsonInput in, boolean patch) {
        var present = new HashSet<String>();
        for (String f : patch ? PATCH_FIELDS : CREATE_FIELDS) if (in.has(f)) present.add(f);
        boolean all = !patch;

        Integer version = patch ? in.requiredInt("version") : null;
        UUID clientId = all ? in.requiredUuid("client_id") : null;
        UUID contactId = in.optionalUuid("contact_id");
        String tripType = all || in.has("trip_type") ? in.requiredString("trip_type") : null;
        Integer passengers = all || in.has("passenger_count") ? in.requiredInt("passenger_count") : null;
        OffsetDateTime pickupAt = all || in.has("pickup_at") ? time(in, "pickup_at", in.requiredDateTime("pickup_at")) : null;
        OffsetDateTime returnAt = time(in, "return_at", in.optionalDateTime("return_at"));
        List<StopInput> stops = all || in.has("stops") ? stops(in) : null;
        List<VehicleRequest> vehicles = all || in.has("vehicles") ? vehicles(in) : null;
        List<String> amenities = in.has("amenities") ? codes(in, "amenities") : (all ? List.of() : null);
        Integer miles = in.optionalInt("miles");
        String notes = in.optionalString("notes");
        return new Fields(Set.copyOf(present), version, clientId, contactId, tripType, passengers, pickupAt, returnAt,
                stops, vehicles, amenities, miles, notes);
    }

    private static OffsetDateTime time(JsonInput in, String field, OffsetDateTime t) {
        if (t != null && (t.isBefore(EARLIEST) || !t.isBefore(LATEST))) {
            in.error(field, "must be between 2000 and 2100");
            return null;
        }
        return t;
    }

    private static List<StopInput> stops(JsonInput in) {
        var items = in.requiredObjectList("stops");
        if (items == null) return null;
        var stops = new ArrayList<StopInput>();
        for (JsonInput s : items) {
            Integer sequence = s.requiredInt("sequence");
            String address = s.requiredString("address");
            BigDecimal lat = coordinate(s.optionalDecimal("lat", 12));
            BigDecimal lon = coordinate(s.optionalDecimal("lon", 12));
            OffsetDateTime arrive = time(s, "arrive_at", s.optionalDateTime("arrive_at"));
            OffsetDateTime depart = time(s, "depart_at", s.optionalDateTime("depart_at"));
            String notes = s.optionalString("notes");
            stops.add(new StopInput(sequence, address, lat, lon, arrive, depart, notes));
        }
        return stops;
    }

    /** Six decimals is ~10 cm: GPS readings with more are rounded, not refused. */
    private static BigDecimal coordinate(BigDecimal d) {
        return d == null ? null : d.setScale(6, RoundingMode.HALF_UP);
    }

    private static List<VehicleRequest> vehicles(JsonInput in) {
        var items = in.requiredObjectList("vehicles");
        if (items == null) return null;
        var out = new ArrayList<VehicleRequest>();
        for (JsonInput v : items) {
            String type = v.requiredString("vehicle_type");
            Integer quantity = v.requiredInt("quantity");
            out.add(new VehicleRequest(type, quantity));
        }
        return out;
    }

    /** A list of lower-case codes (amenities), distinct. */
    public static List<String> codes(JsonInput in, String field) {
        return in.requiredStringList(field);
    }
}
