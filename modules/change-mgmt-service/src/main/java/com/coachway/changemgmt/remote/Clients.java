package com.coachway.changemgmt.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;

import java.util.Optional;
import java.util.UUID;

/**
 * client-service as this service needs it: where a charter's client is written to. Calls carry
 * this service's token. An unreachable client-service is a 503 (nothing is written by our caller).
 */
public final class Clients {
    private final ServiceClient clients;

    public Clients(ServiceClient clients) {
        this.clients = clients;
    }

    private record ClientInfo(UUID id, String name, String email) {
    }

    private record ContactInfo(UUID id, UUID clientId, String name, String email) {
    }

    /** Whom an email about a charter goes to, by name. */
    public record Recipient(String email, String name) {
    }

    /**
     * The charter's contact when it has an email, else the client itself; empty when neither has
     * one (or client-service no longer knows the client).
     */
    public Optional<Recipient> recipient(UUID clientId, UUID contactId) {
        if (contactId != null) {
            var contact = find("/clients/" + clientId + "/contacts/" + contactId, ContactInfo.class)
                    .filter(c -> c.clientId() == null || c.clientId().equals(clientId))
                    .filter(c -> c.email() != null && !c.email().isBlank());
            if (contact.isPresent()) return Optional.of(new Recipient(contact.get().email(), contact.get().name()));
        }
        return find("/clients/" + clientId, ClientInfo.class)
                .filter(c -> c.email() != null && !c.email().isBlank())
                .map(c -> new Recipient(c.email(), c.name()));
    }

    private <T> Optional<T> find(String path, Class<T> type) {
        try {
            return Optional.ofNullable(clients.get(path, type));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.connectionFailed()) throw ApiException.unavailable("client-service cannot be reached; try again shortly");
            throw ApiException.unavailable("client-service could not be asked where to write to the client (" + e.status() + ")");
        }
    }
}
