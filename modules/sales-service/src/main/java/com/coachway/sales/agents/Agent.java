package com.coachway.sales.agents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A sales agent as the API shows it. */
public record Agent(UUID id, UUID userId, String name, String email, boolean active, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt, int version) {
}
