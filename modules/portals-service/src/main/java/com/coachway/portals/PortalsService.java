package com.coachway.portals;

import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.portals.admin.AdminActions;
import com.coachway.portals.admin.AdminHandler;
import com.coachway.portals.admin.AdminRoutes;
import com.coachway.portals.client.ClientActions;
import com.coachway.portals.client.ClientHandler;
import com.coachway.portals.client.ClientRoutes;
import com.coachway.portals.downstream.Fanout;
import com.coachway.portals.downstream.Neighbours;
import com.coachway.portals.vendor.VendorActions;
import com.coachway.portals.vendor.VendorHandler;
import com.coachway.portals.vendor.VendorRoutes;

import java.time.Clock;
import java.time.Duration;

/**
 * portals-service: the client portal, the vendor portal and the admin dashboard, read from the
 * other services with the caller's token. No database. Wiring only.
 */
public final class PortalsService {
    public static final String NAME = "portals-service";
    public static final int DEFAULT_PORT = 8011;

    private PortalsService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** With the clock that says what "upcoming" is. */
    public static RunningService start(Config config, Clock clock) {
        int port = config.port(DEFAULT_PORT);
        // each page waits at most this long for all of its downstream calls together
        var timeout = Duration.ofMillis(config.integer("PORTAL_CALL_TIMEOUT_MS", 2000, 50, 30000));
        var neighbours = Neighbours.fromConfig(config, timeout);
        var fanout = new Fanout(timeout);

        var app = ServiceApp.named(NAME)
                .openApiFrom(PortalsService.class)
                .authFrom(config)
                .routes(r -> {
                    ClientRoutes.register(r, new ClientHandler(new ClientActions(neighbours, fanout, clock)));
                    VendorRoutes.register(r, new VendorHandler(new VendorActions(neighbours, fanout, clock)));
                    AdminRoutes.register(r, new AdminHandler(new AdminActions(neighbours, fanout)));
                })
                .build();
        return RunningService.start(NAME, app, port);
    }
}
