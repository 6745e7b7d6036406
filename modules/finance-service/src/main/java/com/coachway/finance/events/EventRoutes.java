package com.coachway.finance.events;

import com.coachway.finance.access.Roles;
import io.javalin.config.RoutesConfig;

public final class EventRoutes {
    private EventRoutes() {
    }

    public static void register(RoutesConfig r, EventHandler h) {
        r.post("/events/payment-recorded", h::paymentRecorded, Roles.EVENTS);
        r.post("/events/payment-refunded", h::paymentRefunded, Roles.EVENTS);
        r.post("/events/charter-status", h::charterStatus, Roles.EVENTS);
    }
}
