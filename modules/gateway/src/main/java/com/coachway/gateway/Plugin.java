package com.coachway.gateway;

import org.eclipse.jetty.http.HttpFields;

/**
 * A Kong plugin, reduced to the two phases our plugins use. Plugins run in descending
 * {@link #priority()} like Kong's (correlation-id 100001, cors 2000, request-size-limiting 951,
 * rate-limiting 910).
 */
interface Plugin {
    String name();

    int priority();

    /** Kong's access phase: a non-null reply ends the request without reaching the upstream. */
    default Reply access(Exchange exchange) {
        return null;
    }

    /**
     * Kong's header_filter phase: runs on every response of a matched route, proxied or not
     * (including replies from other plugins), after the upstream's headers are in place.
     */
    default void headerFilter(Exchange exchange, HttpFields.Mutable headers) {
    }
}
