package com.coachway.changemgmt.cases;

import com.coachway.changemgmt.remote.Charters.Charter;
import com.coachway.changemgmt.remote.Charters.Stop;
import com.coachway.changemgmt.remote.Pricing.PriceRequest;
import com.coachway.changemgmt.remote.Pricing.VehicleCount;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case's requested_changes as rules without HTTP or a database: which fields a type takes,
 * the trip the change makes of a charter (what pricing-service prices), and the PATCH body that
 * applies it to charter-service. The contract has checked each field's shape already.
 */
public final class ChangeRequest {
    private static final String PREFIX = "requested_changes.";

    private ChangeRequest() {
    }

    /** The trip as pricing sees it. */
    public record Trip(OffsetDateTime pickupAt, OffsetDateTime returnAt, List<Stop> stops, int passengers,
                       Map<String, Integer> vehicles, Integer miles, List<String> amenities) {
        /** As charter-service says: the return, else the latest stop time, else the pickup. */
        public OffsetDateTime endsAt() {
            if (returnAt != null) return returnAt;
            return stops.stream().flatMap(s -> java.util.stream.Stream.of(s.arriveAt(), s.departAt())).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(pickupAt);
        }

        public PriceRequest priceRequest(boolean taxExempt) {
            return new PriceRequest(vehicles.entrySet().stream().map(e -> new VehicleCount(e.getKey(), e.getValue())).toList(),
                    pickupAt, endsAt(), miles == null ? 0 : miles, amenities, null, taxExempt);
        }
    }

    /**
     * What the contract cannot say: which fields belong to the type, the order of times and stops,
     * and that a trip can only be moved to a pickup still ahead of {@code now}.
     */
    public static List<FieldError> check(CaseType type, JsonNode changes, Instant now) {
        var errors = new ArrayList<FieldError>();
        changes.fieldNames().forEachRemaining(f -> {
            if (!type.fields().contains(f)) errors.add(new FieldError(PREFIX + f, "is not part of a " + type.code() + " request"));
        });
        if (type.required() != null && !changes.hasNonNull(type.required())) {
            errors.add(new FieldError(PREFIX + type.required(), "is required for a " + type.code() + " request"));
        }
        if (type == CaseType.DATE_CHANGE) {
            var pickup = time(changes, "pickup_at", errors);
            var ends = time(changes, "ends_at", errors);
            if (pickup != null && !pickup.toInstant().isAfter(now)) errors.add(new FieldError(PREFIX + "pickup_at", "must be in the future"));
            if (pickup != null && ends != null && !ends.isAfter(pickup)) errors.add(new FieldError(PREFIX + "ends_at", "must be after pickup_at"));
        }
        if (type == CaseType.ITINERARY_CHANGE && changes.has("stops")) {
            JsonNode stops = changes.get("stops");
            for (int i = 0; i < stops.size(); i++) {
                if (stops.get(i).path("sequence").asInt() != i + 1) {
                    errors.add(new FieldError(PREFIX + "stops[" + i + "].sequence", "must be " + (i + 1) + ": stops are numbered 1..n in order"));
                }
            }
        }
        return errors;
    }

    /** A time the contract let through that Java cannot read (the two disagree at the edges) is a 400 too, never a 500. */
    private static OffsetDateTime time(JsonNode changes, String field, List<FieldError> errors) {
        if (!changes.hasNonNull(field)) return null;
        try {
            return OffsetDateTime.parse(changes.get(field).asText());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(PREFIX + field, "must be a date-time with offset, e.g. 2027-05-01T08:00:00-04:00"));
            return null;
        }
    }

    /** The charter's trip as it is. */
    public static Trip current(Charter c) {
        var counts = new LinkedHashMap<String, Integer>();
        c.vehicles().forEach(l -> counts.merge(l.vehicleType(), 1, Integer::sum));
        return new Trip(c.pickupAt(), c.returnAt(), c.stops(), c.passengerCount(), counts, c.miles(),
                c.amenities() == null ? List.of() : c.amenities());
    }

    /** The trip the change makes of {@code c} (for a cancellation or other: the trip as it is). */
    public static Trip changed(CaseType type, JsonNode changes, Charter c) {
        Trip t = current(c);
        return switch (type) {
            case DATE_CHANGE -> {
                var pickup = OffsetDateTime.parse(changes.get("pickup_at").asText());
                Duration shift = Duration.between(c.pickupAt(), pickup);
                var stops = t.stops().stream().map(s -> new Stop(s.sequence(), s.address(), s.lat(), s.lon(), plus(s.arriveAt(), shift),
                        plus(s.departAt(), shift), s.notes())).toList();
                OffsetDateTime back = changes.hasNonNull("ends_at") ? OffsetDateTime.parse(changes.get("ends_at").asText())
                        : plus(c.returnAt(), shift);
                yield new Trip(pickup, back, stops, t.passengers(), t.vehicles(), t.miles(), t.amenities());
            }
            case ITINERARY_CHANGE -> {
                List<Stop> stops = new ArrayList<>();
                changes.get("stops").forEach(s -> stops.add(Json.MAPPER.convertValue(s, Stop.class)));
                Integer miles = changes.hasNonNull("miles") ? Integer.valueOf(changes.get("miles").asInt()) : t.miles();
                yield new Trip(t.pickupAt(), t.returnAt(), stops, t.passengers(), t.vehicles(), miles, t.amenities());
            }
            case PASSENGER_COUNT_CHANGE ->
                    new Trip(t.pickupAt(), t.returnAt(), t.stops(), changes.get("passengers").asInt(), t.vehicles(), t.miles(), t.amenities());
            case VEHICLE_CHANGE -> {
                var counts = new LinkedHashMap<String, Integer>();
                changes.get("vehicles").forEach(v -> counts.merge(v.get("vehicle_type").asText(), v.get("quantity").asInt(), Integer::sum));
                yield new Trip(t.pickupAt(), t.returnAt(), t.stops(), t.passengers(), counts, t.miles(), t.amenities());
            }
            case CANCELLATION, OTHER -> t;
        };
    }

    /**
     * charter-service's PATCH /charters/{id} body for the change, against the charter as read now
     * (its version). Computed from absolute values, so applying it twice changes nothing more.
     */
    public static Map<String, Object> patch(CaseType type, JsonNode changes, Charter fresh) {
        Trip t = changed(type, changes, fresh);
        var body = new LinkedHashMap<String, Object>();
        body.put("version", fresh.version());
        switch (type) {
            case DATE_CHANGE -> {
                body.put("pickup_at", t.pickupAt());
                body.put("return_at", t.returnAt());
                body.put("stops", stopInputs(t.stops()));
            }
            case ITINERARY_CHANGE -> {
                body.put("stops", stopInputs(t.stops()));
                if (changes.hasNonNull("miles")) body.put("miles", t.miles());
            }
            case PASSENGER_COUNT_CHANGE -> body.put("passenger_count", t.passengers());
            case VEHICLE_CHANGE -> body.put("vehicles", t.vehicles().entrySet().stream()
                    .map(e -> Map.of("vehicle_type", e.getKey(), "quantity", e.getValue())).toList());
            case CANCELLATION, OTHER -> throw new IllegalArgumentException(type.code() + " is not applied by a PATCH");
        }
        return body;
    }

    private static List<Map<String, Object>> stopInputs(List<Stop> stops) {
        return stops.stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("sequence", s.sequence());
            m.put("address", s.address());
            if (s.lat() != null && s.lon() != null) {
                m.put("lat", s.lat());
                m.put("lon", s.lon());
            }
            m.put("arrive_at", s.arriveAt());
            m.put("depart_at", s.departAt());
            m.put("notes", s.notes());
            return (Map<String, Object>) m;
        }).toList();
    }

    private static OffsetDateTime plus(OffsetDateTime t, Duration d) {
        return t == null ? null : t.plus(d);
    }

    /** Whether the charter's own quote was priced without tax (a tax-exempt client): the new price is then priced so too. */
    public static boolean taxExempt(Charter c) {
        var q = c.currentQuote();
        return q != null && q.tax() != null && q.tax().signum() == 0 && q.subtotal() != null && q.subtotal().signum() > 0;
    }

    /** The promo code of the charter's current quote (the price the client agreed to), or null. */
    public static String promoCode(Charter c) {
        var q = c.currentQuote();
        return q == null || q.promoCode() == null || q.promoCode().isBlank() ? null : q.promoCode();
    }

    public static BigDecimal quotedTotal(Charter c) {
        return c.currentQuote() == null ? null : c.currentQuote().total();
    }
}
