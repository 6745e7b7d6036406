package com.coachway.sales.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** charter-service as a conversion needs it, always with the caller's token and outside any transaction. */
public final class CharterDirectory {
    private final ServiceClient charters;

    public CharterDirectory(ServiceClient charters) {
        this.charters = charters;
    }

    public record CharterRef(UUID id, String notes) {
    }

    public record CharterPage(List<CharterRef> items) {
    }

    /**
     * A charter of the client whose notes name {@code mark} (a lead's reference): the inquiry an
     * earlier conversion of the lead made before it failed, so a retry does not make a second one.
     */
    public Optional<UUID> markedFor(String callerToken, UUID clientId, String mark) {
        try {
            CharterPage page = charters.withToken(() -> callerToken)
                    .get("/charters?limit=20&client_id=" + clientId + "&q=" + ServiceClient.encode(mark), CharterPage.class);
            return page.items().stream().filter(c -> c.notes() != null && c.notes().contains(mark)).map(CharterRef::id).findFirst();
        } catch (ServiceCallException e) {
            throw Neighbour.failure(e, "charter");
        }
    }

    /** POST /charters (an inquiry); charter-service's refusals come back under "charter.". */
    public UUID create(String callerToken, ObjectNode body) {
        try {
            return charters.withToken(() -> callerToken).post("/charters", body, CharterRef.class).id();
        } catch (ServiceCallException e) {
            throw Neighbour.failure(e, "charter");
        }
    }
}
