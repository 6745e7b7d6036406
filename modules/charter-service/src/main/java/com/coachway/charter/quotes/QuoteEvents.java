package com.coachway.charter.quotes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outbox payloads quotes cause; receivers dedupe on the outbox event id. */
public final class QuoteEvents {
    public static final String NOTIFICATION_REQUESTED = "notification.requested";
    public static final String PAYMENT_SCHEDULE_REQUESTED = "payment.schedule_requested";
    public static final String QUOTE_SENT_TEMPLATE = "quote_sent";

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
}
