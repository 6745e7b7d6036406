package com.coachway.changemgmt.audit;

import java.util.Optional;

/** Who may write which audit events. */
public final class AuditRules {
    private AuditRules() {
    }

    /**
     * Why a caller may not post an event in {@code service}'s name, if it may not: a service token's
     * subject is the calling client's id, and an event names the service it happened in, so the two
     * must be the same or one service could speak for another.
     */
    public static Optional<String> refusal(String callerClientId, String service) {
        if (callerClientId != null && callerClientId.equals(service)) return Optional.empty();
        return Optional.of("A service records audit events in its own name only: this token is " + callerClientId
                + "'s, the event names " + service);
    }
}
