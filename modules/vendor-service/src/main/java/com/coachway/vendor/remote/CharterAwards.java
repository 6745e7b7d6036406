package com.coachway.vendor.remote;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;
import com.coachway.common.outbox.OutboxHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Records an award on the charter: charter-service {@code POST /charters/{id}/award} sets the
 * charter's vendor and records the vendor payment in one transaction of its own. The outbox
 * event id is the Idempotency-Key, so a redelivery answers the same payment instead of a second.
 */
public final class CharterAwards implements OutboxHandler {
    public static final String TOPIC = "charter.award";
    private static final Logger log = LoggerFactory.getLogger(CharterAwards.class);

    private final ServiceClient charters;

    public CharterAwards(ServiceClient charters) {
        this.charters = charters;
    }

    /** The payload of {@link #TOPIC}. */
    public record Award(UUID charterId, UUID vendorId, UUID bidId, BigDecimal amount, LocalDate dueDate, String notes) {
    }

    private record Body(UUID vendorId, UUID bidId, BigDecimal amount, LocalDate dueDate, String notes) {
    }

    private record VendorPayment(UUID id, String status) {
    }

    @Override
    public void handle(OutboxEvent event) {
        Award a = event.payloadAs(Award.class);
        var paid = charters.post("/charters/" + a.charterId() + "/award",
                new Body(a.vendorId(), a.bidId(), a.amount(), a.dueDate(), a.notes()), VendorPayment.class, event.id().toString());
        log.info("award of bid {} recorded on charter {} (vendor payment {})", a.bidId(), a.charterId(), paid == null ? null : paid.id());
    }

    /** The charter refused for good (cancelled, or another vendor's): the bid stays awarded here, and someone must look. */
    @Override
    public void failedForGood(OutboxEvent event, String lastError) {
        Award a = event.payloadAs(Award.class);
        log.error("award of bid {} to vendor {} could not be recorded on charter {}: {}; the outbox row {} is failed for an operator",
                a.bidId(), a.vendorId(), a.charterId(), lastError, event.id());
    }
}
