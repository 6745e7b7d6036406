package com.coachway.document.owners;

import java.util.UUID;

/**
 * The record a document is filed against, as its service told us: what it is, and whose it is
 * (the client of a charter or client; the vendor of a vehicle, of a vendor itself, of a
 * vendor's driver; null where there is none).
 */
public record Owner(EntityType type, UUID id, UUID clientId, UUID vendorId) {
}
