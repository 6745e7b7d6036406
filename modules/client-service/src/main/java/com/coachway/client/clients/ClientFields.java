package com.coachway.client.clients;

import java.math.BigDecimal;
import java.util.List;

/** The closed value sets and defaults of a client's fields (their limits are in openapi.yaml). */
public final class ClientFields {
    public static final List<String> TYPES = List.of("corporate", "individual", "school", "church", "government",
            "nonprofit", "travel_agency");
    public static final List<String> STATUSES = List.of("active", "inactive");

    public static final int DEFAULT_PAYMENT_TERMS = 0;
    public static final BigDecimal DEFAULT_CREDIT_LIMIT = new BigDecimal("0.00");

    private ClientFields() {
    }
}
