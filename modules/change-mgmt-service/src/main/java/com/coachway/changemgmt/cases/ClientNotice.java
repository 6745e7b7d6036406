package com.coachway.changemgmt.cases;

import java.util.Optional;

/**
 * Which transitions the client hears of, and what the email says. The client cares about the
 * outcome: approved, rejected, implemented. implementation_failed is ours to retry (or to turn
 * into a rejection), so it is not sent; nor are the steps before a decision.
 */
public final class ClientNotice {
    public static final String TEMPLATE = "change_request_update";

    private ClientNotice() {
    }

    /** The request notification-service takes (POST /notifications), as this service's outbox payload. */
    public record Requested(String channel, String to, String templateCode, Data data) {
    }

    /** The variables of {@link #TEMPLATE}; every one present (the template is rendered strictly). */
    public record Data(String recipientName, String reference, String status, String comment) {
    }

    /** The status word the client reads, when {@code to} is one the client is told of. */
    public static Optional<String> status(CaseStatus to) {
        return switch (to) {
            case APPROVED -> Optional.of("approved");
            case REJECTED -> Optional.of("rejected");
            case IMPLEMENTED -> Optional.of("implemented");
            default -> Optional.empty();
        };
    }

    /** The email about a charter's change request, to {@code email}; a missing name or comment is left blank, not a hole. */
    public static Requested email(String email, String recipientName, String charterReference, String status, String comment) {
        return new Requested("email", email, TEMPLATE, new Data(recipientName == null ? "" : recipientName, charterReference, status,
                comment == null ? "" : comment));
    }
}
