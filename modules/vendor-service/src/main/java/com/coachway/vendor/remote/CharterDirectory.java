package com.coachway.vendor.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * charter-service as this service needs it: the charter a bid request is for, read with our
 * service token before any transaction. Unknown → empty; unreachable → the 503 our caller gets,
 * with nothing written.
 */
public final class CharterDirectory {
    /** Charters whose trip is sold and not yet run: the ones a vendor can still be hired for. */
    private static final Set<String> AWARDABLE = Set.of("booked", "confirmed");

    private final ServiceClient charters;

    public CharterDirectory(ServiceClient charters) {
        this.charters = charters;
    }

    public record CharterInfo(UUID id, String reference, UUID clientId, String status, Integer passengerCount,
                              OffsetDateTime pickupAt, OffsetDateTime returnAt, OffsetDateTime endsAt, UUID vendorId) {
        public boolean awardable() {
            return AWARDABLE.contains(status);
        }
    }

    public Optional<CharterInfo> charter(UUID id) {
        try {
            return Optional.ofNullable(charters.get("/charters/" + id, CharterInfo.class));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
