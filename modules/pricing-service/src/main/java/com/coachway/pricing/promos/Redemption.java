package com.coachway.pricing.promos;

import java.time.OffsetDateTime;

/** The answer to counting a redemption: the code's uses after it. */
public record Redemption(String code, String reference, int uses) {

    /** One counted redemption, as the list shows it. */
    public record Entry(String reference, OffsetDateTime redeemedAt) {
    }
}
