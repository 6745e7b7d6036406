package com.coachway.pricing.calculator;

import com.coachway.common.http.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static com.coachway.pricing.calculator.Samples.AMENITIES;
import static com.coachway.pricing.calculator.Samples.CARDS;
import static com.coachway.pricing.calculator.Samples.NAMES;
import static com.coachway.pricing.calculator.Samples.PROMOS;
import static com.coachway.pricing.calculator.Samples.d;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every rule of the pricing spec, one row per case, with the expected numbers worked out by hand
 * (the arithmetic is in each row's comment). Times are New York local (EDT, -04:00) unless noted;
 * days are service days from 04:00 to 04:00 (SERVICE_DAY_START's default).
 */
class PriceCalculatorTest {

    /** A trip to price and what it must cost. Lines are "code quantity unit_price amount". */
    static final class Trip {
        final String name;
        final List<PriceRequest.Vehicle> vehicles = new ArrayList<>();
        String from;
        String to;
        String miles = "0";
        List<String> amenities = List.of();
        String promo;
        boolean taxExempt;
        String taxRate = "0";
        String fuelPct = "0";
        List<String> lines;
        String subtotal;
        String discount = "0.00";
        String fuel = "0.00";
        String tax = "0.00";
        String total;
        String hours;
        int days = 1;
        int drivers = 1;
        boolean compliant = true;

        Trip(String name) {
            this.name = name;
        }

        Trip vehicle(String type, int quantity) {
            vehicles.add(new PriceRequest.Vehicle(type, quantity));
            return this;
        }

        Trip coach(int quantity) {
            return vehicle("coach_56", quantity);
        }

        Trip time(String from, String to) {
            this.from = from;
            this.to = to;
            return this;
        }

        Trip miles(String miles) {
            this.miles = miles;
            return this;
        }

        Trip amenities(String... codes) {
            this.amenities = List.of(codes);
            return this;
        }

        Trip promo(String code) {
            this.promo = code;
            return this;
        }

        Trip taxExempt() {
            this.taxExempt = true;
            return this;
        }

        Trip settings(String taxRate, String fuelPct) {
            this.taxRate = taxRate;
            this.fuelPct = fuelPct;
            return this;
        }

        Trip lines(String... lines) {
            this.lines = Arrays.asList(lines);
            return this;
        }

        Trip totals(String subtotal, String discount, String fuel, String tax, String total) {
            this.subtotal = subtotal;
            this.discount = discount;
            this.fuel = fuel;
            this.tax = tax;
            this.total = total;
            return this;
        }

        /** Subtotal = total, nothing taken off or added. */
        Trip total(String amount) {
            return totals(amount, "0.00", "0.00", "0.00", amount);
        }

        Trip hours(String hours, int days) {
            this.hours = hours;
            this.days = days;
            return this;
        }

        Trip drivers(int drivers, boolean compliant) {
            this.drivers = drivers;
            this.compliant = compliant;
            return this;
        }

        PriceRequest request() {
            return new PriceRequest(vehicles, OffsetDateTime.parse(from), OffsetDateTime.parse(to), d(miles), amenities, promo, taxExempt);
        }

        Catalogue catalogue() {
            return new Catalogue(CARDS, NAMES, AMENITIES, promo == null ? null : PROMOS.get(promo.toUpperCase()));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Trip trip(String name) {
        return new Trip(name);
    }

    static Stream<Trip> trips() {
        return Stream.of(
                // ---- one day: hourly with a minimum, or mileage, whichever is higher ----
                trip("one day above the minimum is hourly rate times hours")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100")
                        // 165 × 6 = 990.00 > 4.25 × 100 = 425.00
                        .lines("coach_56.hourly 1 990.00 990.00").total("990.00").hours("6.0", 1),
                trip("a short trip is billed the minimum hours")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T10:00-04:00").miles("20")
                        // max(5, 2) = 5 h × 165 = 825.00
                        .lines("coach_56.hourly 1 825.00 825.00").total("825.00").hours("2.0", 1),
                trip("hours round up to the next half hour")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:01-04:00").miles("0")
                        // 6 h 01 min → 6.5 h × 165 = 1072.50
                        .lines("coach_56.hourly 1 1072.50 1072.50").total("1072.50").hours("6.5", 1),
                trip("a minute past the half hour bills the next half hour")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:31-04:00").miles("0")
                        // 6 h 31 min → 7.0 h × 165 = 1155.00
                        .lines("coach_56.hourly 1 1155.00 1155.00").total("1155.00").hours("7.0", 1),
                trip("a long one-day run is priced by the mile when that is higher")
                        .coach(1).time("2026-05-01T06:00-04:00", "2026-05-01T16:00-04:00").miles("450")
                        // 165 × 10 = 1650.00 < 4.25 × 450 = 1912.50
                        .lines("coach_56.mileage 1 1912.50 1912.50").total("1912.50").hours("10.0", 1),
                trip("a tie between time and distance is shown as hourly")
                        .vehicle("sprinter_14", 1).time("2026-05-01T08:00-04:00", "2026-05-01T15:00-04:00").miles("250")
                        // 125 × 7 = 875.00 = 3.50 × 250
                        .lines("sprinter_14.hourly 1 875.00 875.00").total("875.00").hours("7.0", 1),
                trip("the quantity multiplies the per-vehicle line")
                        .coach(3).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100")
                        // 990.00 × 3
                        .lines("coach_56.hourly 3 990.00 2970.00").total("2970.00").hours("6.0", 1),
                trip("each vehicle type is priced on its own card")
                        .coach(2).vehicle("sprinter_14", 1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100")
                        // coach 990.00 × 2 = 1980.00; sprinter max(125 × 6 = 750.00, 3.50 × 100) = 750.00
                        .lines("coach_56.hourly 2 990.00 1980.00", "sprinter_14.hourly 1 750.00 750.00")
                        .total("2730.00").hours("6.0", 1),

                // ---- several days: daily rate, miles beyond the included ones, overnights ----
                trip("two days are the daily rate plus one driver overnight")
                        .coach(1).time("2026-05-01T18:00-04:00", "2026-05-02T20:00-04:00").miles("400")
                        // service days May 1 (from 18:00) and May 2 (20:00 is after 04:00) → 1500 × 2 = 3000.00;
                        // 400 ≤ 300 × 2 included; 200 × 1 night; on duty (26 − 8 × 1) ÷ 2 = 9 h/day ≤ 15
                        .lines("coach_56.daily 1 3000.00 3000.00", "coach_56.overnight 1 200.00 200.00")
                        .total("3200.00").hours("26.0", 2),
                trip("miles beyond the included ones are charged per mile")
                        .coach(1).time("2026-05-01T18:00-04:00", "2026-05-02T20:00-04:00").miles("750.5")
                        // (750.5 − 600) × 4.25 = 639.625 → 639.63
                        .lines("coach_56.daily 1 3000.00 3000.00", "coach_56.extra_miles 1 639.63 639.63",
                                "coach_56.overnight 1 200.00 200.00")
                        .total("3839.63").hours("26.0", 2),
                trip("a three-day tour with 8 hours off each night stays with one driver")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-03T18:00-04:00").miles("600")
                        // 1500 × 3 = 4500.00; 600 ≤ 900; 200 × 2 = 400.00; on duty (58 − 8 × 2) ÷ 3 = 14 h/day ≤ 15
                        // (was 58 ÷ 3 = 19.3 h → a second driver, 55 × 58 = 3190.00, total 8090.00, before the nights off counted)
                        .lines("coach_56.daily 1 4500.00 4500.00", "coach_56.overnight 1 400.00 400.00")
                        .total("4900.00").hours("58.0", 3),
                trip("a three-day tour at exactly 15 hours on duty a day after the nights off stays with one driver")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-03T21:00-04:00").miles("600")
                        // 61 h; on duty (61 − 16) ÷ 3 = 15 h/day, not more; 4500.00 + 400.00
                        .lines("coach_56.daily 1 4500.00 4500.00", "coach_56.overnight 1 400.00 400.00")
                        .total("4900.00").hours("61.0", 3),
                trip("a three-day tour over 15 hours on duty a day after the nights off needs a second driver for every hour")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-03T22:00-04:00").miles("600")
                        // 62 h; on duty (62 − 16) ÷ 3 = 15.3 h/day > 15 → 55 × 62 = 3410.00; 4500.00 + 400.00 + 3410.00
                        .lines("coach_56.daily 1 4500.00 4500.00", "coach_56.overnight 1 400.00 400.00",
                                "coach_56.second_driver 1 3410.00 3410.00")
                        .total("8310.00").hours("62.0", 3).drivers(2, true),
                trip("more than 10 hours of driving a day on a tour needs a second driver")
                        .coach(1).time("2026-05-01T18:00-04:00", "2026-05-02T20:00-04:00").miles("1100")
                        // 1100 ÷ 50 ÷ 2 = 11 h > 10 (driving has no nights off to subtract); daily 3000.00;
                        // (1100 − 600) × 4.25 = 2125.00; 200; 55 × 26 = 1430.00
                        .lines("coach_56.daily 1 3000.00 3000.00", "coach_56.extra_miles 1 2125.00 2125.00",
                                "coach_56.overnight 1 200.00 200.00", "coach_56.second_driver 1 1430.00 1430.00")
                        .total("6755.00").hours("26.0", 2).drivers(2, true),
                trip("an evening trip past midnight is one service day")
                        .coach(1).time("2026-05-01T20:00-04:00", "2026-05-02T02:00-04:00").miles("100")
                        // 02:00 May 2 is before 04:00, so still service day May 1: one day, 165 × 6 = 990.00 > 4.25 × 100
                        // (was two calendar days: 1500 × 2 + 200 × 1 = 3200.00)
                        .lines("coach_56.hourly 1 990.00 990.00").total("990.00").hours("6.0", 1),
                trip("an evening trip that ends at 01:30 is one day")
                        .coach(1).time("2026-05-01T19:30-04:00", "2026-05-02T01:30-04:00").miles("100")
                        // 6 h, service day May 1 → 165 × 6 = 990.00
                        .lines("coach_56.hourly 1 990.00 990.00").total("990.00").hours("6.0", 1),
                trip("an evening trip past the 04:00 start of the next service day is two days")
                        .coach(1).time("2026-05-01T20:00-04:00", "2026-05-02T04:30-04:00").miles("100")
                        // service days May 1 and May 2 → 1500 × 2 + 200 × 1 = 3200.00; 8.5 h; on duty (8.5 − 8) ÷ 2 = 0.25 h/day
                        .lines("coach_56.daily 1 3000.00 3000.00", "coach_56.overnight 1 200.00 200.00")
                        .total("3200.00").hours("8.5", 2),
                trip("a trip ending exactly at local midnight does not touch the next day")
                        .coach(1).time("2026-05-01T18:00-04:00", "2026-05-02T00:00-04:00").miles("100")
                        // service day May 1 runs to 04:00 May 2: one day, 165 × 6 = 990.00
                        .lines("coach_56.hourly 1 990.00 990.00").total("990.00").hours("6.0", 1),
                trip("a trip ending exactly at the next service day's start does not touch that day")
                        .coach(1).time("2026-05-01T20:00-04:00", "2026-05-02T04:00-04:00").miles("100")
                        // the end is exclusive: one day, 8 h × 165 = 1320.00 > 4.25 × 100
                        .lines("coach_56.hourly 1 1320.00 1320.00").total("1320.00").hours("8.0", 1),
                trip("a trip starting before 04:00 belongs to the service day before")
                        .coach(1).time("2026-05-02T03:00-04:00", "2026-05-02T09:00-04:00").miles("100")
                        // 03:00 May 2 is service day May 1, 09:00 is service day May 2 → two days: 3000.00 + 200.00;
                        // on duty (6 − 8) ÷ 2 < 0 → 0
                        .lines("coach_56.daily 1 3000.00 3000.00", "coach_56.overnight 1 200.00 200.00")
                        .total("3200.00").hours("6.0", 2),
                trip("days are counted in the trip's time zone, not in the offset given")
                        .coach(1).time("2026-05-01T02:00Z", "2026-05-01T04:00Z").miles("0")
                        // 22:00–00:00 EDT on April 30: one day, 2 h → 5 h minimum × 165
                        .lines("coach_56.hourly 1 825.00 825.00").total("825.00").hours("2.0", 1),
                trip("service days start at 04:00 in the trip's time zone, not at 04:00 of the offset given")
                        .coach(1).time("2026-05-01T07:00Z", "2026-05-01T09:00Z").miles("0")
                        // 03:00–05:00 EDT crosses 04:00 local (in UTC, 07:00–09:00 would not) → service days
                        // April 30 and May 1: 1500 × 2 + 200 × 1 = 3200.00
                        .lines("coach_56.daily 1 3000.00 3000.00", "coach_56.overnight 1 200.00 200.00")
                        .total("3200.00").hours("2.0", 2),
                trip("a trip across 04:00 UTC but not 04:00 local is one service day")
                        .coach(1).time("2026-05-01T02:00Z", "2026-05-01T07:00Z").miles("0")
                        // 22:00–03:00 EDT: one service day (April 30); 5 h × 165 = 825.00
                        .lines("coach_56.hourly 1 825.00 825.00").total("825.00").hours("5.0", 1),
                trip("hours are real elapsed time across the spring DST change")
                        .vehicle("sprinter_14", 1).time("2026-03-08T00:00-05:00", "2026-03-08T06:00-04:00").miles("0")
                        // midnight to 6 am on the clock is 5 h elapsed; it crosses 04:00 EDT, so service days Mar 7
                        // and Mar 8: 1100 × 2 = 2200.00; 0 ≤ 250 × 2 miles; 150 × 1 night
                        // (was one calendar day: 125 × 5 = 625.00)
                        .lines("sprinter_14.daily 1 2200.00 2200.00", "sprinter_14.overnight 1 150.00 150.00")
                        .total("2350.00").hours("5.0", 2),
                trip("a night across the spring DST change is one service day of real elapsed hours")
                        .vehicle("sprinter_14", 1).time("2026-03-07T22:00-05:00", "2026-03-08T04:00-04:00").miles("0")
                        // 22:00 EST to 04:00 EDT is 6 h on the clock, 5 h elapsed; it ends at the next day's start:
                        // one service day (Mar 7) → 125 × 5 = 625.00
                        .lines("sprinter_14.hourly 1 625.00 625.00").total("625.00").hours("5.0", 1),

                // ---- second driver past the FMCSA limits ----
                trip("more than 10 hours of driving in one day needs a second driver")
                        .coach(1).time("2026-05-01T05:00-04:00", "2026-05-01T19:00-04:00").miles("550")
                        // 550 ÷ 50 = 11 h > 10; base max(165 × 14 = 2310.00, 4.25 × 550 = 2337.50); 55 × 14 = 770.00
                        .lines("coach_56.mileage 1 2337.50 2337.50", "coach_56.second_driver 1 770.00 770.00")
                        .total("3107.50").hours("14.0", 1).drivers(2, true),
                trip("exactly 10 hours of driving stays with one driver")
                        .coach(1).time("2026-05-01T06:00-04:00", "2026-05-01T18:00-04:00").miles("500")
                        // 500 ÷ 50 = 10 h, not more; 4.25 × 500 = 2125.00 > 165 × 12 = 1980.00
                        .lines("coach_56.mileage 1 2125.00 2125.00").total("2125.00").hours("12.0", 1),
                trip("exactly 15 hours on duty stays with one driver")
                        .coach(1).time("2026-05-01T05:00-04:00", "2026-05-01T20:00-04:00").miles("100")
                        // 165 × 15 = 2475.00
                        .lines("coach_56.hourly 1 2475.00 2475.00").total("2475.00").hours("15.0", 1),
                trip("a minute over 15 hours bills 15.5 hours and a second driver")
                        .coach(1).time("2026-05-01T05:00-04:00", "2026-05-01T20:01-04:00").miles("100")
                        // 165 × 15.5 = 2557.50; 55 × 15.5 = 852.50
                        .lines("coach_56.hourly 1 2557.50 2557.50", "coach_56.second_driver 1 852.50 852.50")
                        .total("3410.00").hours("15.5", 1).drivers(2, true),
                trip("every vehicle gets its own second driver")
                        .coach(2).time("2026-05-01T05:00-04:00", "2026-05-01T20:01-04:00").miles("100")
                        // 2557.50 × 2 = 5115.00; 852.50 × 2 = 1705.00
                        .lines("coach_56.hourly 2 2557.50 5115.00", "coach_56.second_driver 2 852.50 1705.00")
                        .total("6820.00").hours("15.5", 1).drivers(2, true),
                trip("more driving than two drivers may do is priced but not compliant")
                        .coach(1).time("2026-05-01T04:00-04:00", "2026-05-01T23:00-04:00").miles("1050")
                        // 1050 ÷ 50 = 21 h > 20; 4.25 × 1050 = 4462.50 > 165 × 19; 55 × 19 = 1045.00
                        .lines("coach_56.mileage 1 4462.50 4462.50", "coach_56.second_driver 1 1045.00 1045.00")
                        .total("5507.50").hours("19.0", 1).drivers(2, false),

                // ---- amenities by charge type ----
                trip("a per-trip amenity is charged once whatever the fleet")
                        .coach(2).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").amenities("onboard_water")
                        .lines("coach_56.hourly 2 990.00 1980.00", "amenity.onboard_water 1 40.00 40.00")
                        .total("2020.00").hours("6.0", 1),
                trip("a per-day amenity is charged for every day of the trip")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-03T18:00-04:00").miles("600").amenities("wifi")
                        // 4900.00 (the three-day tour above, one driver) + 35 × 3 = 5005.00
                        // (was 8090.00 + 105 = 8195.00 with the second driver)
                        .lines("coach_56.daily 1 4500.00 4500.00", "coach_56.overnight 1 400.00 400.00",
                                "amenity.wifi 3 35.00 105.00")
                        .total("5005.00").hours("58.0", 3),
                trip("a per-vehicle amenity counts the vehicles of every type")
                        .coach(2).vehicle("sprinter_14", 1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100")
                        .amenities("restroom", "onboard_water")
                        // 2730.00 + 50 × 3 + 40
                        .lines("coach_56.hourly 2 990.00 1980.00", "sprinter_14.hourly 1 750.00 750.00",
                                "amenity.restroom 3 50.00 150.00", "amenity.onboard_water 1 40.00 40.00")
                        .total("2920.00").hours("6.0", 1),

                // ---- promo codes ----
                trip("a percent promo takes its share of the subtotal")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("PCT10")
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "0.00", "0.00", "891.00").hours("6.0", 1),
                trip("a fixed promo takes its amount")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("fix100")
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "100.00", "0.00", "0.00", "890.00").hours("6.0", 1),
                trip("a fixed promo larger than the subtotal is capped at the subtotal")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("BIG")
                        .settings("0.0825", "3.5")
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "990.00", "0.00", "0.00", "0.00").hours("6.0", 1),
                trip("a percent discount rounds half up to cents")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("THIRD")
                        // 990 × 33.33 % = 329.967 → 329.97
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "329.97", "0.00", "0.00", "660.03").hours("6.0", 1),
                trip("a subtotal exactly at the promo minimum qualifies")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("MIN990")
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "0.00", "0.00", "891.00").hours("6.0", 1),
                trip("a promo applies on the last day of its validity")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("SPRING")
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "0.00", "0.00", "891.00").hours("6.0", 1),
                trip("promo validity is judged on the local trip date")
                        .coach(1).time("2026-05-02T01:00Z", "2026-05-02T04:00Z").miles("100").promo("SPRING")
                        // 21:00 to midnight EDT on May 1 (the last valid day) although May 2 in UTC; 5 h minimum × 165 = 825.00
                        .lines("coach_56.hourly 1 825.00 825.00").totals("825.00", "82.50", "0.00", "0.00", "742.50").hours("3.0", 1),
                trip("a promo with one use left still applies")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("LASTONE")
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "0.00", "0.00", "891.00").hours("6.0", 1),

                // ---- fuel surcharge and tax ----
                trip("the fuel surcharge is a percentage of the subtotal")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").settings("0", "3.5")
                        // 990 × 3.5 % = 34.65
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "0.00", "34.65", "0.00", "1024.65").hours("6.0", 1),
                trip("the fuel surcharge applies after the discount and rounds half up")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("PCT10").settings("0", "3.5")
                        // (990 − 99) × 3.5 % = 31.185 → 31.19 (half-even would give 31.18)
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "31.19", "0.00", "922.19").hours("6.0", 1),
                trip("tax is the rate times the subtotal")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").settings("0.0825", "0")
                        // 990 × 0.0825 = 81.675 → 81.68
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "0.00", "0.00", "81.68", "1071.68").hours("6.0", 1),
                trip("tax is charged on the discounted subtotal plus the fuel surcharge")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("PCT10")
                        .settings("0.0825", "3.5")
                        // (891 + 31.19) × 0.0825 = 76.080675 → 76.08
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "31.19", "76.08", "998.27").hours("6.0", 1),
                trip("a tax-exempt client pays no tax but still the fuel surcharge")
                        .coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("PCT10")
                        .settings("0.0825", "3.5").taxExempt()
                        .lines("coach_56.hourly 1 990.00 990.00").totals("990.00", "99.00", "31.19", "0.00", "922.19").hours("6.0", 1),

                // ---- rounding: each line to cents first, then × quantity ----
                trip("a line's unit price rounds half up before the quantity multiplies it")
                        .vehicle("minibus_28", 3).time("2026-05-01T08:00-04:00", "2026-05-01T14:15-04:00").miles("10")
                        // 165.25 × 6.5 = 1074.125 → 1074.13 (half-even: 1074.12); × 3 = 3222.39
                        .lines("minibus_28.hourly 3 1074.13 3222.39").total("3222.39").hours("6.5", 1),
                trip("a mileage line rounds half up to cents")
                        .vehicle("minibus_28", 1).time("2026-05-01T08:00-04:00", "2026-05-01T12:00-04:00").miles("333.33")
                        // 2.99 × 333.33 = 996.6567 → 996.66 > 165.25 × 4 = 661.00
                        .lines("minibus_28.mileage 1 996.66 996.66").total("996.66").hours("4.0", 1),
                trip("a fractional minimum is billed as it is")
                        .vehicle("minibus_28", 1).time("2026-05-01T08:00-04:00", "2026-05-01T09:00-04:00").miles("0")
                        // 3.5 h × 165.25 = 578.375 → 578.38
                        .lines("minibus_28.hourly 1 578.38 578.38").total("578.38").hours("1.0", 1),
                trip("second-driver lines round on their own")
                        .vehicle("minibus_28", 1).time("2026-05-01T05:00-04:00", "2026-05-01T20:30-04:00").miles("0")
                        // 165.25 × 15.5 = 2561.375 → 2561.38; 47.77 × 15.5 = 740.435 → 740.44
                        .lines("minibus_28.hourly 1 2561.38 2561.38", "minibus_28.second_driver 1 740.44 740.44")
                        .total("3301.82").hours("15.5", 1).drivers(2, true),
                trip("a multi-day tour with awkward rates adds exact lines")
                        .vehicle("minibus_28", 1).time("2026-05-01T18:00-04:00", "2026-05-03T10:00-04:00").miles("700")
                        // service days May 1, 2, 3 (10:00 ≥ 04:00): 999.99 × 3 = 2999.97; (700 − 600) × 2.99 = 299.00;
                        // 125.50 × 2 = 251.00; on duty (40 − 16) ÷ 3 = 8 h/day
                        .lines("minibus_28.daily 1 2999.97 2999.97", "minibus_28.extra_miles 1 299.00 299.00",
                                "minibus_28.overnight 1 251.00 251.00")
                        .total("3549.97").hours("40.0", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trips")
    void prices_the_trip_as_worked_out_by_hand(Trip t) {
        Quote q = PriceCalculator.calculate(t.request(), t.catalogue(), Samples.settings(t.taxRate, t.fuelPct));
        List<String> lines = q.lines().stream()
                .map(l -> l.code() + " " + l.quantity() + " " + l.unitPrice().toPlainString() + " " + l.amount().toPlainString())
                .toList();
        assertAll(
                () -> assertEquals(t.lines, lines, "lines"),
                () -> assertEquals(t.subtotal, q.subtotal().toPlainString(), "subtotal"),
                () -> assertEquals(t.discount, q.discount().toPlainString(), "discount"),
                () -> assertEquals(t.fuel, q.fuelSurcharge().toPlainString(), "fuel_surcharge"),
                () -> assertEquals(t.tax, q.tax().toPlainString(), "tax"),
                () -> assertEquals(t.total, q.total().toPlainString(), "total"),
                () -> assertEquals(t.hours, q.billableHours().toPlainString(), "billable_hours"),
                () -> assertEquals(t.days, q.days(), "days"),
                () -> assertEquals(t.drivers, q.dot().driversRequired(), "drivers_required"),
                () -> assertEquals(t.compliant, q.dot().compliant(), "compliant"),
                () -> assertEquals(t.days > 1, q.dot().overnightRestRequired(), "overnight_rest_required"));
    }

    // ---- what cannot be priced: 400s naming the field ----

    static Stream<Trip> rejected() {
        return Stream.of(
                trip("promo_code: an expired promo").promo("SPRING").time("2026-05-02T08:00-04:00", "2026-05-02T14:00-04:00"),
                trip("promo_code: a promo before its first day").promo("SPRING").time("2026-03-31T08:00-04:00", "2026-03-31T14:00-04:00"),
                trip("promo_code: a used-up promo").promo("USEDUP"),
                trip("promo_code: an inactive promo").promo("OFF"),
                trip("promo_code: a subtotal below the promo minimum").promo("MIN1000"),
                trip("promo_code: an unknown promo").promo("NOPE"),
                trip("vehicles[0].vehicle_type: no rate card on the trip date").time("2025-12-31T08:00-05:00", "2025-12-31T14:00-05:00"),
                trip("amenities[1]: an amenity missing from the catalogue").amenities("wifi", "jacuzzi"),
                trip("amenities[0]: an inactive amenity").amenities("retired"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void refuses_what_it_cannot_price_naming_the_field(Trip t) {
        t.coach(1).miles("100");
        if (t.from == null) t.time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00");
        var e = assertThrows(PricingRejected.class,
                () -> PriceCalculator.calculate(t.request(), t.catalogue(), Samples.settings("0", "0")));
        String field = t.name.substring(0, t.name.indexOf(':'));
        assertEquals(List.of(field), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void the_promo_message_says_why() {
        var t = trip("used up").coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("USEDUP");
        var e = assertThrows(PricingRejected.class, () -> PriceCalculator.calculate(t.request(), t.catalogue(), Samples.settings("0", "0")));
        assertEquals("promo code USEDUP is used up (5 of 5 uses)", e.errors().getFirst().message());
    }

    @Test
    void a_used_up_code_whose_use_is_the_requests_own_takes_its_discount() {
        var t = trip("own use").coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100").promo("USEDUP");
        var c = t.catalogue();
        var own = new Catalogue(c.rateCards(), c.vehicleNames(), c.amenities(), c.promo(), true);
        Quote priced = PriceCalculator.calculate(t.request(), own, Samples.settings("0", "0"));
        Quote undiscounted = PriceCalculator.calculate(trip("no code").coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00")
                .miles("100").request(), c, Samples.settings("0", "0"));
        assertEquals(undiscounted.subtotal().multiply(d("0.10")).setScale(2, java.math.RoundingMode.HALF_UP), priced.discount());
    }

    @Test
    void a_card_that_ended_before_the_trip_is_not_used() {
        var ended = Samples.card("coach_56", "165.00", "5.0", "4.25", "1500.00", 300, "200.00", "55.00",
                Samples.JAN_1, java.time.LocalDate.parse("2026-04-30"));
        var t = trip("ended").coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100");
        var catalogue = new Catalogue(java.util.Map.of("coach_56", ended), NAMES, AMENITIES, null);
        var e = assertThrows(PricingRejected.class, () -> PriceCalculator.calculate(t.request(), catalogue, Samples.settings("0", "0")));
        assertEquals("has no rate card in effect on 2026-05-01", e.errors().getFirst().message());
    }

    @Test
    void descriptions_explain_the_arithmetic() {
        var t = trip("short").coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T10:00-04:00").miles("20");
        Quote q = PriceCalculator.calculate(t.request(), t.catalogue(), Samples.settings("0", "0"));
        assertEquals("Motorcoach: 5 h × $165.00/h (minimum; the trip takes 2 h)", q.lines().getFirst().description());

        // 62 h over 3 days: on duty (62 − 16) ÷ 3 = 15.3 h/day needs the second driver
        var tour = trip("tour").coach(1).time("2026-05-01T08:00-04:00", "2026-05-03T22:00-04:00").miles("1000").amenities("wifi");
        List<String> descriptions = PriceCalculator.calculate(tour.request(), tour.catalogue(), Samples.settings("0", "0"))
                .lines().stream().map(Quote.Line::description).toList();
        assertEquals(List.of(
                "Motorcoach: 3 days × $1500.00/day",
                "Motorcoach: 100 mi beyond the 900 included × $4.25/mi",
                "Motorcoach: driver overnight, 2 nights × $200.00",
                "Motorcoach: second driver, 62 h × $55.00/h",
                "wifi (per day, 3 days)"), descriptions);
    }

    @Test
    void the_same_inputs_always_give_the_same_quote() {
        var t = trip("twice").coach(2).time("2026-05-01T05:00-04:00", "2026-05-01T20:01-04:00").miles("100")
                .amenities("wifi", "restroom").promo("PCT10");
        var settings = Samples.settings("0.0825", "3.5");
        assertEquals(PriceCalculator.calculate(t.request(), t.catalogue(), settings),
                PriceCalculator.calculate(t.request(), t.catalogue(), settings));
    }

    @Test
    void the_dot_block_warns_about_what_it_found() {
        var t = trip("hard").coach(1).time("2026-05-01T04:00-04:00", "2026-05-01T23:00-04:00").miles("1050");
        Quote.Dot dot = PriceCalculator.calculate(t.request(), t.catalogue(), Samples.settings("0", "0")).dot();
        assertEquals(List.of(
                "About 21.0 h of driving per day (miles at 50 mph) exceeds the 10-hour driving limit: a second driver is required",
                "About 19.0 h on duty per day exceeds the 15-hour on-duty limit: a second driver is required",
                "About 21.0 h of driving per day is more than two drivers may drive (20 h): add days or plan a relay",
                "1050 miles take about 21.0 h at 50 mph but the schedule allows 19.0 h"), dot.warnings());

        var tour = trip("tour").coach(1).time("2026-05-01T18:00-04:00", "2026-05-02T20:00-04:00").miles("400");
        Quote.Dot calm = PriceCalculator.calculate(tour.request(), tour.catalogue(), Samples.settings("0", "0")).dot();
        assertEquals(new Quote.Dot(true, 1, true,
                List.of("Multi-day trip: drivers need 8 consecutive hours off duty before each day's driving")), calm);
    }

    @Test
    void money_comes_out_in_cents() {
        var t = trip("scale").coach(1).time("2026-05-01T08:00-04:00", "2026-05-01T14:00-04:00").miles("100");
        Quote q = PriceCalculator.calculate(t.request(), t.catalogue(), Samples.settings("0", "0"));
        for (BigDecimal v : List.of(q.subtotal(), q.discount(), q.fuelSurcharge(), q.tax(), q.total(),
                q.lines().getFirst().unitPrice(), q.lines().getFirst().amount())) {
            assertEquals(2, v.scale());
        }
    }
}
