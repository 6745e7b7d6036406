package com.coachway.client.clients;

import java.math.BigDecimal;
import java.util.List;

/** The closed value sets and limits of a client's fields, shared by validation and the store. */
public final class ClientFields {
    public static final List<String> TYPES = List.of("corporate", "individual", "school", "church", "government",
            "nonprofit", "travel_agency");
    public static final List<String> STATUSES = List.of("active", "inactive");
    /** Net terms a charter company offers: due on receipt, or net 15…60. */
    public static final List<Integer> PAYMENT_TERMS = List.of(0, 15, 30, 45, 60);
    public static final BigDecimal MAX_CREDIT_LIMIT = new BigDecimal("9999999999.99");

    public static final int DEFAULT_PAYMENT_TERMS = 0;
    public static final BigDecimal DEFAULT_CREDIT_LIMIT = new BigDecimal("0.00");

    private ClientFields() {
    }
}
