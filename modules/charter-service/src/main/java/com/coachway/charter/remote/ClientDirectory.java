package com.coachway.charter.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.util.Optional;
import java.util.UUID;

/**
 * client-service as this service needs it: does a client exist, is it active, is it tax exempt,
 * where do its emails go. Calls carry our service token. Unknown records are empty; an
 * unreachable client-service is the 503 our caller gets, with nothing written.
 */
public final class ClientDirectory {
    private final ServiceClient clients;

    public ClientDirectory(ServiceClient clients) {
        this.clients = clients;
    }

    public record ClientInfo(UUID id, String name, String email, String status, Boolean taxExempt) {
        public boolean active() {
            return "active".equals(status);
        }

        public boolean isTaxExempt() {
            return Boolean.TRUE.equals(taxExempt);
        }
    }

    public record ContactInfo(UUID id, UUID clientId, String name, String email) {
    }

    public Optional<ClientInfo> client(UUID id) {
        return find("/clients/" + id, ClientInfo.class);
    }

    public Optional<ContactInfo> contact(UUID clientId, UUID contactId) {
        return find("/clients/" + clientId + "/contacts/" + contactId, ContactInfo.class)
                .filter(c -> c.clientId() == null || c.clientId().equals(clientId));
    }

    private <T> Optional<T> find(String path, Class<T> type) {
        try {
            return Optional.ofNullable(clients.get(path, type));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
