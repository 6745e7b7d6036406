package com.coachway.document;

import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.document.documents.DocumentActions;
import com.coachway.document.documents.DocumentHandler;
import com.coachway.document.documents.DocumentRoutes;
import com.coachway.document.documents.DocumentStore;
import com.coachway.document.documents.FileTypes;
import com.coachway.document.owners.Owners;
import com.coachway.document.upload.UploadLimits;

/** document-service: files filed against other services' records, in MongoDB GridFS. Wiring only. */
public final class DocumentService {
    public static final String NAME = "document-service";
    public static final int DEFAULT_PORT = 8004;

    private DocumentService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        int port = config.integer("PORT", DEFAULT_PORT, 0, 65535);
        var limits = new UploadLimits((long) config.integer("MAX_UPLOAD_MB", 25, 1, 1024) * 1024 * 1024);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var owners = new Owners(
                ServiceClient.builder("charter-service", config.uri("CHARTER_SERVICE_URL", "http://localhost:8001")).token(tokens).build(),
                ServiceClient.builder("client-service", config.uri("CLIENT_SERVICE_URL", "http://localhost:8003")).token(tokens).build(),
                ServiceClient.builder("vendor-service", config.uri("VENDOR_SERVICE_URL", "http://localhost:8008")).token(tokens).build(),
                ServiceClient.builder("dispatch-service", config.uri("DISPATCH_SERVICE_URL", "http://localhost:8009")).token(tokens).build());

        var mongo = Mongo.connect(config);
        try {
            var store = new DocumentStore(mongo.database());
            mongo.createIndexes(store);
            var actions = new DocumentActions(store, owners, FileTypes.tika(), limits);
            var app = ServiceApp.named(NAME)
                    .openApiFrom(DocumentService.class)
                    .auth(TokenVerifier.fromConfig(config))
                    .revokedSessions(RevokedSessions.fromConfig(config, NAME))
                    .health("mongodb", mongo.health())
                    .healthInfo("max_upload_mb", limits.maxBytes() / (1024 * 1024))
                    .routes(r -> DocumentRoutes.register(r, new DocumentHandler(actions, limits)))
                    .build();
            return RunningService.start(NAME, app, port, mongo);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }
}
