package com.coachway.finance.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.util.Optional;
import java.util.UUID;

/** client-service as finance needs it: a client's name and payment terms, read before any transaction. */
public final class ClientDirectory {
    private final ServiceClient clients;

    public ClientDirectory(ServiceClient clients) {
        this.clients = clients;
    }

    public record ClientInfo(UUID id, String name, Integer paymentTermsDays) {
    }

    public Optional<ClientInfo> client(UUID id) {
        try {
            return Optional.ofNullable(clients.get("/clients/" + id, ClientInfo.class));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
