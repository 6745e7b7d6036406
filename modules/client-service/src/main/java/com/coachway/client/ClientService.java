package com.coachway.client;

import com.coachway.client.clients.CharterCheck;
import com.coachway.client.clients.ClientActions;
import com.coachway.client.clients.ClientHandler;
import com.coachway.client.clients.ClientRoutes;
import com.coachway.client.clients.ClientStore;
import com.coachway.client.contacts.ContactActions;
import com.coachway.client.contacts.ContactHandler;
import com.coachway.client.contacts.ContactRoutes;
import com.coachway.client.contacts.ContactStore;
import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;

import java.time.Duration;

/** client-service: clients and their contacts. Wiring only. */
public final class ClientService {
    public static final String NAME = "client-service";
    public static final int DEFAULT_PORT = 8003;

    private ClientService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.port(DEFAULT_PORT);
        var verifier = TokenVerifier.fromConfig(config);
        var charterService = ServiceClient.builder(config, "charter-service")
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .token(ServiceTokens.fromConfig(config, NAME))
                .build();

        var db = Database.connect(config, "client", NAME);
        try {
            var dsl = db.dsl();
            var clients = new ClientStore();
            var clientHandler = new ClientHandler(new ClientActions(dsl, clients, new CharterCheck(charterService)));
            var contactHandler = new ContactHandler(new ContactActions(dsl, clients, new ContactStore()));

            var app = ServiceApp.named(NAME)
                    .openApiFrom(ClientService.class)
                    .auth(verifier)
                    .revokedSessions(RevokedSessions.fromConfig(config, NAME))
                    .metrics(ServiceMetrics.create().pool(db.dataSource()))
                    .health("database", db.health())
                    .routes(r -> {
                        ClientRoutes.register(r, clientHandler);
                        ContactRoutes.register(r, contactHandler);
                    })
                    .build();
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
