package com.coachway.charter.charters;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a quote prices: the trip as a client would describe it. A quote made for other terms no
 * longer describes the charter, so changing any of these ends the charter's open quotes. Notes and
 * the contact are not terms: changing them leaves quotes as they are.
 *
 * Stops count in the order they run (their sequence is checked to be that order).
 *
 * <p>Values are compared as what they mean, not as they were written: instants rather than offsets,
 * numbers without trailing zeros, amenities as a set, vehicles in any order.
 */
public record TripTerms(String tripType, int passengers, Instant pickupAt, Instant returnAt,
                        SortedSet<String> amenities, Integer miles, List<String> vehicleTypes, List<Stop> stops) {

    public record Stop(String address, BigDecimal lat, BigDecimal lon, Instant arriveAt, Instant departAt) {
    }

    public static TripTerms of(String tripType, int passengers, OffsetDateTime pickupAt, OffsetDateTime returnAt,
                               List<String> amenities, Integer miles, List<String> vehicleTypes, List<StopInput> stops) {
        return new TripTerms(tripType, passengers, instant(pickupAt), instant(returnAt),
                new TreeSet<>(amenities == null ? List.of() : amenities), miles, vehicleTypes.stream().sorted().toList(),
                stops.stream()
                        .map(s -> new Stop(s.address().strip(), number(s.lat()), number(s.lon()),
                                instant(s.arriveAt()), instant(s.departAt())))
                        .toList());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static BigDecimal number(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros();
    }
}
