package com.coachway.sales.agents;

import java.util.List;
import java.util.Optional;

/**
 * Who may stand in the rotation: an active auth-service user holding sales_agent. A manager alone
 * does not qualify (leads would go round to people who do not work them); a manager who also sells
 * is given both roles in auth-service.
 */
public final class AgentEligibility {
    public static final String ROLE = "sales_agent";

    private AgentEligibility() {
    }

    /** Why a user with this state cannot be an agent; empty when it can. */
    public static Optional<String> refusal(boolean active, List<String> roles) {
        if (!active) return Optional.of("is deactivated in auth-service; only an active user can be an agent");
        if (!roles.contains(ROLE)) return Optional.of("does not hold the " + ROLE + " role (it has " + String.join(", ", roles) + ")");
        return Optional.empty();
    }
}
