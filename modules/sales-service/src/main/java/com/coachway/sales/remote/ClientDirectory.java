package com.coachway.sales.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** client-service as a conversion needs it, always with the caller's token and outside any transaction. */
public final class ClientDirectory {
    private final ServiceClient clients;

    public ClientDirectory(ServiceClient clients) {
        this.clients = clients;
    }

    public record ClientRef(UUID id, String email) {
    }

    public record ClientPage(List<ClientRef> items) {
    }

    /** The client whose email is this one (letter case aside), if client-service has it. */
    public Optional<UUID> byEmail(String callerToken, String email) {
        try {
            ClientPage page = clients.withToken(() -> callerToken)
                    .get("/clients?limit=50&q=" + ServiceClient.encode(email), ClientPage.class);
            String wanted = email.toLowerCase(Locale.ROOT);
            return page.items().stream().filter(c -> c.email() != null && c.email().toLowerCase(Locale.ROOT).equals(wanted))
                    .map(ClientRef::id).findFirst();
        } catch (ServiceCallException e) {
            throw Neighbour.failure(e, "client");
        }
    }

    /** POST /clients; client-service's refusals come back under "client.". */
    public UUID create(String callerToken, ObjectNode body) {
        try {
            return clients.withToken(() -> callerToken).post("/clients", body, ClientRef.class).id();
        } catch (ServiceCallException e) {
            throw Neighbour.failure(e, "client");
        }
    }
}
