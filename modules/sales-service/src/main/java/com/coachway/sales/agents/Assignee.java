package com.coachway.sales.agents;

import com.coachway.common.auth.Caller;

import java.util.UUID;

/**
 * A list's {@code assigned_to}: an agent by id, or {@code me}, the caller's own agent (the agent
 * of the caller's user id). "me" is resolved in the list's own query, so a caller who is no agent
 * simply matches nothing.
 */
public record Assignee(UUID agentId, UUID userId) {
    public static final String ME = "me";

    /** @param given the contract has checked it is "me" or a UUID; null: no filter */
    public static Assignee of(String given, Caller caller) {
        if (given == null) return null;
        if (ME.equals(given)) return new Assignee(null, caller.userId());
        return new Assignee(UUID.fromString(given), null);
    }

    public boolean me() {
        return agentId == null;
    }
}
