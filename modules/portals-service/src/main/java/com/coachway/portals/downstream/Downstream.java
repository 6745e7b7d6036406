package com.coachway.portals.downstream;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Problems;

/** What a neighbour's refusal means for our own caller. */
public final class Downstream {
    private Downstream() {
    }

    /**
     * The neighbour's 4xx as our answer, with its type, detail and field errors: it judged the
     * caller's own request (a foreign id, a quote that cannot be accepted, a bad field).
     */
    public static ApiException passThrough(ServiceCallException e) {
        String type = e.type() != null ? e.type() : Problems.BAD_REQUEST;
        String title = e.title() != null ? e.title() : "Refused";
        return new ApiException(e.status(), type, title, e.detail(), e.errors());
    }

    /** For a write: unreachable or failing → our 503 (nothing was changed), a 4xx → passed through. */
    public static RuntimeException ofWrite(ServiceCallException e) {
        if (e.isUnavailable() || e.connectionFailed()) return e.unavailable();
        return passThrough(e);
    }
}
