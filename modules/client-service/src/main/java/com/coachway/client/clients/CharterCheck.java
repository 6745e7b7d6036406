package com.coachway.client.clients;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Problems;

import java.util.UUID;

/**
 * Asks charter-service whether a client has charters, the one thing that makes a client impossible
 * to delete. charter-service owns charters; we never look into its schema.
 */
public final class CharterCheck {
    private final ServiceClient charters;

    /** {@code charters} calls charter-service with this service's own token (role service). */
    public CharterCheck(ServiceClient charters) {
        this.charters = charters;
    }

    record CharterPage(Long total) {
    }

    /**
     * How many charters the client has (any status). Throws a 503 when charter-service (or
     * auth-service, for our token) cannot answer, and a 502 when it answers something we cannot use.
     */
    public long chartersOf(UUID clientId) {
        CharterPage page;
        try {
            page = charters.get("/charters?client_id=" + clientId + "&limit=1", CharterPage.class);
        } catch (ServiceCallException e) {
            // e.service() is auth-service when it was our service token that could not be had
            if (e.isUnavailable()) throw ApiException.unavailable(e.service()
                    + " is unavailable, so we cannot tell whether the client has charters; nothing was deleted");
            throw e;
        }
        if (page == null || page.total() == null || page.total() < 0) {
            throw new ApiException(502, Problems.UPSTREAM, "Bad gateway",
                    "charter-service answered the charter count without a total; nothing was deleted", null);
        }
        return page.total();
    }
}
