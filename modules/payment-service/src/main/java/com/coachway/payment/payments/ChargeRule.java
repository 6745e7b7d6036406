package com.coachway.payment.payments;

import java.util.Optional;

/** Which charters take payments: booked and after, until cancelled. Refunds are not limited by it. */
public final class ChargeRule {
    private ChargeRule() {
    }

    public static Optional<String> refusal(String charterStatus) {
        return switch (charterStatus) {
            case "booked", "confirmed", "in_progress", "completed" -> Optional.empty();
            case "cancelled" -> Optional.of("The charter is cancelled; it takes no more payments (refunds can still be made)");
            default -> Optional.of("The charter is " + charterStatus + "; payments are taken once it is booked");
        };
    }
}
