package com.coachway.charter.quotes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outbox payloads quotes cause; receivers dedupe on the outbox event id. */
public final class QuoteEvents {
    public static final String NOTIFICATION_REQUESTED = "notification.requested";
    public static final String PAYMENT_SCHEDULE_REQUESTED = "payment.schedule_requested";
    public static final String QUOTE_SENT_TEMPLATE = "quote_sent";
    /** For ourselves: give a promo use back to pricing-service (delivered by this service's outbox worker). */
    public static final String PROMO_RELEASE_REQUESTED = "promo.release_requested";

    private QuoteEvents() {
    }

    /** For notification-service: one email built from a template and its data. */
    public record NotificationRequested(String channel, String to, String templateCode, QuoteSentData data) {
    }

    public record QuoteSentData(UUID charterId, String reference, UUID quoteId, int quoteVersion, String clientName,
                                String recipientName, OffsetDateTime pickupAt, BigDecimal total, String currency,
                                OffsetDateTime validUntil) {
    }

    /** For payment-service: open the payment schedule of a booked charter. */
    public record PaymentScheduleRequested(UUID charterId, UUID clientId, UUID quoteId, BigDecimal total,
                                           OffsetDateTime pickupAt, String currency) {
    }

    /**
     * The use of {@code code} counted for {@code quoteId} is to be given back: its accept failed
     * after pricing counted it. Delivered only if the quote is still not accepted by then.
     */
    public record PromoReleaseRequested(String code, UUID quoteId) {
    }
}
