package com.coachway.pricing.calculator;

import com.coachway.common.http.FieldError;
import com.coachway.pricing.amenities.Amenity;
import com.coachway.pricing.amenities.ChargeType;
import com.coachway.pricing.promos.PromoRules;
import com.coachway.pricing.rates.RateCard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a trip: a pure function of the request, the catalogue snapshot and the settings (no
 * clock, no I/O), so every rule is unit-tested with hand-computed numbers.
 *
 * <p>Per vehicle type, a line's unit price is the charge for one vehicle rounded HALF_UP to cents
 * and its amount is unit price × vehicles; totals are sums of rounded lines, and each derived
 * amount (discount, fuel surcharge, tax) is rounded HALF_UP to cents where it is computed. The
 * formulas themselves are listed in openapi.yaml and in the comments below.
 */
public final class PriceCalculator {
    public static final String CURRENCY = "USD";
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private PriceCalculator() {
    }

    public static Quote calculate(PriceRequest req, Catalogue catalogue, PricingSettings settings) {
        LocalDate tripDate = TripTime.tripDate(req.startAt(), settings.zone());
        int days = settings.serviceDays().touched(req.startAt(), req.endAt());
        BigDecimal hours = TripTime.billableHours(req.startAt(), req.endAt());
        DriverRule.Assessment drivers = DriverRule.assess(req.miles(), hours, days);

        var errors = new ArrayList<FieldError>();
        var lines = new ArrayList<Quote.Line>();
        int vehicleCount = req.vehicles().stream().mapToInt(PriceRequest.Vehicle::quantity).sum();

        for (int i = 0; i < req.vehicles().size(); i++) {
            PriceRequest.Vehicle v = req.vehicles().get(i);
            RateCard card = catalogue.rateCards().get(v.vehicleType());
            if (card == null || !card.inEffectOn(tripDate)) {
                errors.add(new FieldError("vehicles[" + i + "].vehicle_type", "has no rate card in effect on " + tripDate));
                continue;
            }
            String name = catalogue.vehicleNames().getOrDefault(v.vehicleType(), v.vehicleType());
            lines.addAll(vehicleLines(v, name, card, req.miles(), hours, days, drivers));
        }
        for (int i = 0; i < req.amenities().size(); i++) {
            Amenity a = catalogue.amenities().get(req.amenities().get(i));
            if (a == null || !a.active()) {
                errors.add(new FieldError("amenities[" + i + "]", "is not an amenity we offer"));
                continue;
            }
            lines.add(amenityLine(a, days, vehicleCount));
        }
        if (!errors.isEmpty()) throw new PricingRejected(errors);

        BigDecimal subtotal = lines.stream().map(Quote.Line::amount).reduce(ZERO, BigDecimal::add);
        BigDecimal discount = ZERO;
        if (req.promoCode() != null) {
            PromoRules.Check promo = PromoRules.evaluate(catalogue.promo(), req.promoCode(), subtotal, tripDate,
                    catalogue.promoRedeemedForRequest());
            if (!promo.valid()) throw new PricingRejected(List.of(new FieldError("promo_code", promo.message())));
            discount = promo.discount();
        }
        BigDecimal discounted = subtotal.subtract(discount);
        BigDecimal fuel = cents(discounted.multiply(settings.fuelSurchargePct()).divide(HUNDRED));
        BigDecimal tax = req.taxExempt() ? ZERO : cents(discounted.add(fuel).multiply(settings.taxRate()));
        BigDecimal total = discounted.add(fuel).add(tax);
        return new Quote(List.copyOf(lines), subtotal, discount, fuel, tax, total, CURRENCY, hours, days, drivers.dot());
    }

    private static List<Quote.Line> vehicleLines(PriceRequest.Vehicle v, String name, RateCard c, BigDecimal miles,
                                                 BigDecimal hours, int days, DriverRule.Assessment drivers) {
        var out = new ArrayList<Quote.Line>();
        String type = v.vehicleType();
        int qty = v.quantity();
        if (days == 1) {
            // one day: the higher of time (with the card's minimum) and distance
            BigDecimal billed = hours.max(c.minimumHours());
            BigDecimal byTime = c.hourlyRate().multiply(billed);
            BigDecimal byDistance = c.perMileRate().multiply(miles);
            if (byDistance.compareTo(byTime) > 0) {
                out.add(line(type + ".mileage", name + ": " + plain(miles) + " mi × $" + money(c.perMileRate()) + "/mi", qty, byDistance));
            } else {
                String minimum = billed.compareTo(hours) > 0 ? " (minimum; the trip takes " + plain(hours) + " h)" : "";
                out.add(line(type + ".hourly", name + ": " + plain(billed) + " h × $" + money(c.hourlyRate()) + "/h" + minimum, qty, byTime));
            }
        } else {
            // several days: a daily rate with included miles, plus the driver's nights away
            out.add(line(type + ".daily", name + ": " + days + " days × $" + money(c.dailyRate()) + "/day", qty,
                    c.dailyRate().multiply(BigDecimal.valueOf(days))));
            BigDecimal included = BigDecimal.valueOf((long) c.includedMilesPerDay() * days);
            BigDecimal extra = miles.subtract(included);
            if (extra.signum() > 0) {
                out.add(line(type + ".extra_miles", name + ": " + plain(extra) + " mi beyond the " + plain(included)
                        + " included × $" + money(c.perMileRate()) + "/mi", qty, c.perMileRate().multiply(extra)));
            }
            int nights = days - 1;
            out.add(line(type + ".overnight", name + ": driver overnight, " + nights + (nights == 1 ? " night" : " nights")
                    + " × $" + money(c.driverOvernightFee()), qty, c.driverOvernightFee().multiply(BigDecimal.valueOf(nights))));
        }
        if (drivers.secondDriver()) {
            out.add(line(type + ".second_driver", name + ": second driver, " + plain(hours) + " h × $"
                    + money(c.extraDriverHourlyRate()) + "/h", qty, c.extraDriverHourlyRate().multiply(hours)));
        }
        return out;
    }

    private static Quote.Line amenityLine(Amenity a, int days, int vehicles) {
        return switch (ChargeType.fromCode(a.chargeType())) {
            case PER_TRIP -> amenity(a, a.name() + " (per trip)", 1);
            case PER_DAY -> amenity(a, a.name() + " (per day, " + days + (days == 1 ? " day)" : " days)"), days);
            case PER_VEHICLE -> amenity(a, a.name() + " (per vehicle, " + vehicles + (vehicles == 1 ? " vehicle)" : " vehicles)"), vehicles);
        };
    }

    private static Quote.Line amenity(Amenity a, String description, int quantity) {
        return line("amenity." + a.code(), description, quantity, a.amount());
    }

    /** One line: the unit price is rounded to cents first, so amount = unit price × quantity exactly. */
    private static Quote.Line line(String code, String description, int quantity, BigDecimal unitExact) {
        BigDecimal unit = cents(unitExact);
        return new Quote.Line(code, description, quantity, unit, unit.multiply(BigDecimal.valueOf(quantity)));
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String money(BigDecimal v) {
        return cents(v).toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
