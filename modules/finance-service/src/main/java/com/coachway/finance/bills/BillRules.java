package com.coachway.finance.bills;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The payables' pure rules: a bill's status and balance from its amounts, what a payment may be, and its dates. */
public final class BillRules {
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private BillRules() {
    }

    public static BigDecimal balance(BigDecimal amount, BigDecimal paid) {
        return amount.subtract(paid);
    }

    /** Nothing paid → open; all of it → paid; some → partially_paid. */
    public static String status(BigDecimal amount, BigDecimal paid) {
        if (paid.signum() == 0) return Bill.OPEN;
        return paid.compareTo(amount) >= 0 ? Bill.PAID : Bill.PARTIALLY_PAID;
    }

    /** Why a payment of {@code payment} cannot go on a bill with {@code balance} open; empty when it can. */
    public static Optional<String> paymentRefusal(BigDecimal balance, BigDecimal payment) {
        if (balance.signum() <= 0) return Optional.of("The bill is paid; nothing is left to pay");
        if (payment.compareTo(balance) > 0) {
            return Optional.of("A payment of " + payment + " exceeds the bill's open balance of " + balance);
        }
        return Optional.empty();
    }

    /**
     * The day a vendor payment event's payment is meant for: its own, but never before the bill
     * itself, which may carry a later date (events out of order, or the bill's month was closed
     * and it was moved). The ledger still moves this day out of a closed month.
     */
    public static LocalDate eventPaymentDay(LocalDate eventDay, LocalDate billDate) {
        return eventDay.isBefore(billDate) ? billDate : eventDay;
    }
}
