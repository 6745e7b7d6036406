package com.coachway.payment.schedules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduleRulesTest {
    private static final BigDecimal PCT = new BigDecimal("25");
    private static final LocalDate BOOKED = LocalDate.of(2027, 3, 1);

    private static List<ScheduleRules.Planned> split(String total, String pct, LocalDate pickup) {
        return ScheduleRules.split(new BigDecimal(total), new BigDecimal(pct), 14, BOOKED, pickup);
    }

    @ParameterizedTest(name = "{0} at {1} % → deposit {2} + balance {3}")
    @CsvSource({
            "1000.01, 25, 250.00, 750.01",   // 250.0025 rounds down
            "100.02, 25, 25.01, 75.01",      // 25.005 rounds half up
            "0.03, 25, 0.01, 0.02",          // 0.0075 → 0.01
            "999.99, 25, 250.00, 749.99",    // 249.9975 → 250.00
            "1234.56, 33.33, 411.48, 823.08", // 411.47885 → 411.48
            "10.00, 10, 1.00, 9.00",
    })
    void the_deposit_rounds_half_up_and_the_balance_is_the_rest_to_the_cent(String total, String pct, String deposit, String balance) {
        var plan = split(total, pct, LocalDate.of(2027, 5, 1));
        assertEquals(2, plan.size());
        assertEquals(new ScheduleRules.Planned(1, "deposit", new BigDecimal(deposit), BOOKED), plan.get(0));
        assertEquals(new ScheduleRules.Planned(2, "balance", new BigDecimal(balance), LocalDate.of(2027, 4, 17)), plan.get(1));
        assertEquals(0, new BigDecimal(total).compareTo(plan.get(0).amount().add(plan.get(1).amount())));
    }

    @ParameterizedTest(name = "pickup {0}: {1} installment(s)")
    @CsvSource({
            "2027-03-01, 1",  // the booking day itself
            "2027-03-10, 1",  // 9 days
            "2027-03-15, 1",  // 14 days: the balance would be due on the booking day
            "2027-03-16, 2",  // 15 days: balance due 2027-03-02
            "2027-02-20, 1",  // a pickup in the past (booked late): all due now
    })
    void a_pickup_within_balance_due_days_is_due_all_at_once(LocalDate pickup, int installments) {
        var plan = split("800.00", "25", pickup);
        assertEquals(installments, plan.size());
        if (installments == 1) assertEquals(new ScheduleRules.Planned(1, "full", new BigDecimal("800.00"), BOOKED), plan.getFirst());
        else assertEquals(LocalDate.of(2027, 3, 2), plan.get(1).dueDate());
    }

    @Test
    void a_full_deposit_is_one_installment_no_deposit_is_only_the_balance_and_nothing_owed_has_none() {
        assertEquals(List.of(new ScheduleRules.Planned(1, "full", new BigDecimal("500.00"), BOOKED)),
                split("500.00", "100", LocalDate.of(2027, 6, 1)));
        assertEquals(List.of(new ScheduleRules.Planned(1, "balance", new BigDecimal("500.00"), LocalDate.of(2027, 5, 18))),
                split("500.00", "0", LocalDate.of(2027, 6, 1)));
        // 0.01 × 25 % = 0.0025 → 0.00: no deposit of nothing
        assertEquals(List.of(new ScheduleRules.Planned(1, "balance", new BigDecimal("0.01"), LocalDate.of(2027, 5, 18))),
                split("0.01", "25", LocalDate.of(2027, 6, 1)));
        assertEquals(List.of(), split("0.00", "25", LocalDate.of(2027, 6, 1)));
    }
}
