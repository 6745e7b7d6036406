package com.coachway.sales.agents;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose turn it is: agents stand in a fixed order (created_at, then id); the turn goes to the
 * first active agent after the one assigned last, wrapping round to the first. Inactive agents
 * are simply not in the list, so they are skipped; the last one may be inactive by now, and its
 * place in the order still says who comes next.
 */
public final class RoundRobin {
    /** An agent's place in the rotation. */
    public record Place(UUID agentId, OffsetDateTime createdAt) {
    }

    /** As PostgreSQL orders (created_at, id): a uuid sorts as its hex text. */
    static final Comparator<Place> ORDER = Comparator.comparing(Place::createdAt).thenComparing(p -> p.agentId().toString());

    private RoundRobin() {
    }

    /** @param active the active agents, in any order; empty → nobody's turn */
    public static Optional<UUID> next(List<Place> active, Place last) {
        if (active.isEmpty()) return Optional.empty();
        var inOrder = active.stream().sorted(ORDER).toList();
        if (last == null) return Optional.of(inOrder.getFirst().agentId());
        return Optional.of(inOrder.stream()
                .filter(p -> ORDER.compare(p, last) > 0)
                .findFirst()
                .orElse(inOrder.getFirst())
                .agentId());
    }
}
