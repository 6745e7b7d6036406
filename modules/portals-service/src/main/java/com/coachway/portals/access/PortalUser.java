package com.coachway.portals.access;

import java.util.UUID;

/**
 * The caller of a portal page: its access token (which every downstream call carries, so the
 * neighbours apply its tenancy) and the one client or vendor it belongs to (for our own check
 * of what they answer).
 */
public record PortalUser(String token, UUID userId, UUID clientId, UUID vendorId) {
}
