package com.coachway.pricing.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The planning view of FMCSA passenger-carrier limits that pricing needs, from the quote's own
 * numbers: driving is estimated at 50 mph and spread evenly over the trip's days; on duty is the
 * billable hours less the 8 consecutive hours off the driver takes each night, spread evenly too:
 * (hours − 8 × (days − 1)) ÷ days, so a three-day tour is not taken for 58 h of unbroken duty.
 * More than 10 h driving or 15 h on duty per day needs a second driver; more than 20 h driving per
 * day is beyond what two drivers may do, so the plan is not compliant. Phase 2's day-by-day
 * itineraries replace the even spread with each day's own times.
 */
public final class DriverRule {
    static final BigDecimal PLANNING_MPH = new BigDecimal("50");
    static final BigDecimal DRIVING_LIMIT_HOURS = new BigDecimal("10");
    static final BigDecimal ON_DUTY_LIMIT_HOURS = new BigDecimal("15");
    static final BigDecimal NIGHTLY_REST_HOURS = new BigDecimal("8");

    private DriverRule() {
    }

    public record Assessment(boolean drivingOverLimit, boolean onDutyOverLimit, Quote.Dot dot) {
        public boolean secondDriver() {
            return drivingOverLimit || onDutyOverLimit;
        }
    }

    public static Assessment assess(BigDecimal miles, BigDecimal hours, int days) {
        BigDecimal dayCount = BigDecimal.valueOf(days);
        // compare products, not rounded quotients: miles ÷ 50 ÷ days > 10  ⇔  miles > 500 × days
        boolean drivingOver = miles.compareTo(PLANNING_MPH.multiply(DRIVING_LIMIT_HOURS).multiply(dayCount)) > 0;
        // on duty over the trip: the elapsed hours less 8 h off each night (none on a one-day trip);
        // compared as a product again: onDuty ÷ days > 15  ⇔  onDuty > 15 × days
        BigDecimal onDuty = hours.subtract(NIGHTLY_REST_HOURS.multiply(BigDecimal.valueOf(days - 1L))).max(BigDecimal.ZERO);
        boolean onDutyOver = onDuty.compareTo(ON_DUTY_LIMIT_HOURS.multiply(dayCount)) > 0;
        boolean beyondTwoDrivers = miles.compareTo(PLANNING_MPH.multiply(DRIVING_LIMIT_HOURS).multiply(BigDecimal.TWO).multiply(dayCount)) > 0;
        boolean fasterThanPlanned = miles.compareTo(PLANNING_MPH.multiply(hours)) > 0;

        String drivingPerDay = oneDecimal(miles.divide(PLANNING_MPH.multiply(dayCount), 4, RoundingMode.HALF_UP));
        String onDutyPerDay = oneDecimal(onDuty.divide(dayCount, 4, RoundingMode.HALF_UP));
        var warnings = new ArrayList<String>();
        if (drivingOver) {
            warnings.add("About " + drivingPerDay + " h of driving per day (miles at 50 mph) exceeds the 10-hour driving limit: a second driver is required");
        }
        if (onDutyOver) {
            warnings.add("About " + onDutyPerDay + " h on duty per day exceeds the 15-hour on-duty limit: a second driver is required");
        }
        if (beyondTwoDrivers) {
            warnings.add("About " + drivingPerDay + " h of driving per day is more than two drivers may drive (20 h): add days or plan a relay");
        }
        if (fasterThanPlanned) {
            warnings.add(miles.stripTrailingZeros().toPlainString() + " miles take about "
                    + oneDecimal(miles.divide(PLANNING_MPH, 4, RoundingMode.HALF_UP)) + " h at 50 mph but the schedule allows "
                    + hours.toPlainString() + " h");
        }
        boolean overnight = days > 1;
        if (overnight) {
            warnings.add("Multi-day trip: drivers need 8 consecutive hours off duty before each day's driving");
        }
        var dot = new Quote.Dot(!beyondTwoDrivers, drivingOver || onDutyOver ? 2 : 1, overnight, List.copyOf(warnings));
        return new Assessment(drivingOver, onDutyOver, dot);
    }

    private static String oneDecimal(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
