package com.coachway.payment.stripe;

import java.math.BigDecimal;

/** Stripe counts USD in cents; we keep dollars with 2 decimals. Exact both ways. */
public final class Cents {
    private Cents() {
    }

    public static long of(BigDecimal dollars) {
        return dollars.movePointRight(2).longValueExact();
    }

    public static BigDecimal toDollars(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
