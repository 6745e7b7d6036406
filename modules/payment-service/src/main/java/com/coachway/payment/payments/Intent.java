package com.coachway.payment.payments;

import java.math.BigDecimal;
import java.util.UUID;

/** A card payment's Stripe PaymentIntent, as the client needs it to pay. */
public record Intent(String id, String clientSecret, UUID paymentId, BigDecimal amount, String currency, String status) {
}
