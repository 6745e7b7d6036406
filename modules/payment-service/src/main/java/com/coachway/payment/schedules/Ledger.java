package com.coachway.payment.schedules;

import java.math.BigDecimal;

/** What a charter has paid and had refunded (succeeded only). */
public record Ledger(BigDecimal paid, BigDecimal refunded) {
    public static final Ledger EMPTY = new Ledger(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    public BigDecimal net() {
        return paid.subtract(refunded);
    }

    public BigDecimal outstanding(BigDecimal total) {
        return total.subtract(net());
    }
}
