package com.coachway.sales.agents;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Who gets a lead, inside the transaction that writes it. The automatic turn is taken under the
 * turn row's lock, so concurrent lead creations queue there and each gets the next turn; the lock
 * is held only for the rest of that short transaction.
 */
public final class Assignments {
    private final AgentStore agents;

    public Assignments(AgentStore agents) {
        this.agents = agents;
    }

    /** The agent whose turn it is, its turn taken; null when no agent is active. */
    public UUID takeTurn(DSLContext tx, OffsetDateTime now) {
        RoundRobin.Place last = agents.lockTurn(tx);
        UUID next = RoundRobin.next(agents.activePlaces(tx), last).orElse(null);
        if (next != null) agents.turnTaken(tx, next, now);
        return next;
    }

    /** A hand-picked agent: 400 on {@code field} unless it exists and is active. */
    public void requireActive(DSLContext tx, UUID agentId, String field) {
        var agent = agents.find(tx, agentId);
        if (agent.isEmpty()) throw ApiException.validation(List.of(new FieldError(field, "is no agent")));
        if (!agent.get().active()) throw ApiException.validation(List.of(new FieldError(field, "is an inactive agent")));
    }
}
