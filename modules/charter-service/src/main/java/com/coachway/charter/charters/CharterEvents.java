package com.coachway.charter.charters;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The outbox events charter changes cause for other services; receivers dedupe on the outbox event id. */
public final class CharterEvents {
    /** For finance-service: a charter became completed (revenue is recognised) or cancelled. */
    public static final String STATUS_CHANGED = "charter.status_changed";

    private CharterEvents() {
    }

    /** The body of finance's {@code POST /events/charter-status}; status is completed or cancelled. */
    public record CharterStatusChanged(UUID charterId, UUID clientId, String status, OffsetDateTime changedAt) {
    }

    /** Whether finance hears of a move to {@code status}: only the two that end a charter change its books. */
    public static boolean concernsFinance(CharterStatus status) {
        return status.isClosed();
    }
}
