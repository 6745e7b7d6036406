package com.coachway.client.contacts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person at a client, as the API shows it. */
public record Contact(UUID id, UUID clientId, String name, String email, String phone, String title,
                      boolean isPrimary, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
