package com.coachway.client.clients;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A client as the API shows it; {@code primaryContact} is derived from its contacts (null when it has none). */
public record Client(UUID id, String name, String type, String email, String phone, Address billingAddress,
                     int paymentTermsDays, BigDecimal creditLimit, boolean taxExempt, String notes, String status,
                     ContactSummary primaryContact, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The primary contact as shown inside a client. */
    public record ContactSummary(UUID id, String name, String email, String phone, String title) {
    }
}
