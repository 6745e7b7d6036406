package com.coachway.payment.schedules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a booked charter's total is split: a deposit of {@code depositPct} % (half-up to cents) due
 * on the booking day, the rest (total − deposit, so the cents add up exactly) due
 * {@code balanceDueDays} before the pickup day; all of it at once on the booking day when that
 * balance day would not come after it.
 */
public final class ScheduleRules {
    public record Planned(int sequence, String kind, BigDecimal amount, LocalDate dueDate) {
    }

    private ScheduleRules() {
    }

    public static List<Planned> split(BigDecimal total, BigDecimal depositPct, int balanceDueDays, LocalDate bookedOn,
                                      LocalDate pickupDay) {
        var planned = new ArrayList<Planned>();
        if (total.signum() <= 0) return planned;
        LocalDate balanceDue = pickupDay.minusDays(balanceDueDays);
        BigDecimal deposit = total.multiply(depositPct).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        if (!balanceDue.isAfter(bookedOn) || deposit.compareTo(total) >= 0) {
            planned.add(new Planned(1, "full", total.setScale(2, RoundingMode.UNNECESSARY), bookedOn));
            return planned;
        }
        if (deposit.signum() > 0) planned.add(new Planned(1, "deposit", deposit, bookedOn));
        planned.add(new Planned(planned.size() + 1, "balance", total.subtract(deposit).setScale(2, RoundingMode.UNNECESSARY), balanceDue));
        return planned;
    }
}
