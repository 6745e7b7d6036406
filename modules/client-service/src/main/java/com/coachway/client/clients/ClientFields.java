package com.coachway.client.clients;

import java.math.BigDecimal;

/** The defaults of a client's fields (their limits and value sets are in openapi.yaml). */
public final class ClientFields {
    public static final int DEFAULT_PAYMENT_TERMS = 0;
    public static final BigDecimal DEFAULT_CREDIT_LIMIT = new BigDecimal("0.00");

    private ClientFields() {
    }
}
