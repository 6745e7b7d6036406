package com.coachway.document.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored document as the API shows it (its tenancy stays inside the service). */
public record Document(UUID id, String filename, String contentType, long size, String sha256,
                       String entityType, UUID entityId, String kind, String description,
                       String uploadedBy, OffsetDateTime uploadedAt) {
}
