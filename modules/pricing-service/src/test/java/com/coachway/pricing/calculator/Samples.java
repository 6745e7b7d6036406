package com.coachway.pricing.calculator;

import com.coachway.pricing.amenities.Amenity;
import com.coachway.pricing.promos.PromoCode;
import com.coachway.pricing.rates.RateCard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** The catalogue the calculator tests price against; every expected number is worked out by hand from these. */
final class Samples {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** SERVICE_DAY_START's default: the company's day runs 04:00 to 04:00. */
    static final LocalTime FOUR_AM = LocalTime.of(4, 0);
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");

    private Samples() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static RateCard card(String type, String hourly, String minHours, String perMile, String daily, int included,
                         String overnight, String extraDriver, LocalDate from, LocalDate to) {
        return new RateCard(UUID.randomUUID(), type, d(hourly), d(minHours), d(perMile), d(daily), included,
                d(overnight), d(extraDriver), from, to, 1, T0, T0);
    }

    /** The seeded motorcoach card: 165/h, 5 h minimum, 4.25/mi, 1500/day with 300 mi, 200 a night, 55/h second driver. */
    static final RateCard COACH = card("coach_56", "165.00", "5.0", "4.25", "1500.00", 300, "200.00", "55.00", JAN_1, null);
    static final RateCard SPRINTER = card("sprinter_14", "125.00", "4.0", "3.50", "1100.00", 250, "150.00", "45.00", JAN_1, null);
    /** Awkward numbers, to show where rounding happens. */
    static final RateCard MINIBUS = card("minibus_28", "165.25", "3.5", "2.99", "999.99", 200, "125.50", "47.77", JAN_1, null);

    static final Map<String, RateCard> CARDS = Map.of("coach_56", COACH, "sprinter_14", SPRINTER, "minibus_28", MINIBUS);
    static final Map<String, String> NAMES = Map.of("coach_56", "Motorcoach", "sprinter_14", "Sprinter", "minibus_28", "Mini-bus");

    static Amenity amenity(String code, String chargeType, String amount, boolean active) {
        return new Amenity(code, code.replace('_', ' '), chargeType, d(amount), active, 1, T0, T0);
    }

    static final Map<String, Amenity> AMENITIES = Map.of(
            "wifi", amenity("wifi", "per_day", "35.00", true),
            "restroom", amenity("restroom", "per_vehicle", "50.00", true),
            "onboard_water", amenity("onboard_water", "per_trip", "40.00", true),
            "retired", amenity("retired", "per_trip", "10.00", false));

    static PromoCode promo(String code, String type, String value, String from, String to, Integer maxUses, int uses,
                           String minSubtotal, boolean active) {
        return new PromoCode(code, "", type, d(value), from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), maxUses, d(minSubtotal), active, uses, 1, T0, T0);
    }

    static final Map<String, PromoCode> PROMOS = Map.of(
            "PCT10", promo("PCT10", "percent", "10", null, null, null, 0, "0", true),
            "FIX100", promo("FIX100", "fixed", "100.00", null, null, null, 0, "0", true),
            "BIG", promo("BIG", "fixed", "5000.00", null, null, null, 0, "0", true),
            "THIRD", promo("THIRD", "percent", "33.33", null, null, null, 0, "0", true),
            "MIN990", promo("MIN990", "percent", "10", null, null, null, 0, "990.00", true),
            "MIN1000", promo("MIN1000", "percent", "10", null, null, null, 0, "1000.00", true),
            "SPRING", promo("SPRING", "percent", "10", "2026-04-01", "2026-05-01", null, 0, "0", true),
            "USEDUP", promo("USEDUP", "percent", "10", null, null, 5, 5, "0", true),
            "LASTONE", promo("LASTONE", "percent", "10", null, null, 5, 4, "0", true),
            "OFF", promo("OFF", "percent", "10", null, null, null, 0, "0", false));

    static PricingSettings settings(String taxRate, String fuelPct) {
        return new PricingSettings(NEW_YORK, FOUR_AM, d(taxRate), d(fuelPct));
    }
}
