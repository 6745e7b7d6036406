package com.coachway.payment.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.util.Optional;
import java.util.UUID;

/**
 * charter-service as this service needs it: does a charter exist, whose is it, what state is it
 * in. Calls carry our service token and are made before any transaction. An unknown charter is
 * empty; an unreachable charter-service is the 503 our caller gets, with nothing written.
 */
public final class CharterDirectory {
    private final ServiceClient charters;

    public CharterDirectory(ServiceClient charters) {
        this.charters = charters;
    }

    public record CharterInfo(UUID id, UUID clientId, String status, String reference) {
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
