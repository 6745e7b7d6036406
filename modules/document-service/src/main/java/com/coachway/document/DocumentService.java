package com.coachway.document;

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
        int port = config.port(DEFAULT_PORT);
        var limits = new UploadLimits((long) config.integer("MAX_UPLOAD_MB", 25, 1, 1024) * 1024 * 1024);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var owners = new Owners(
                ServiceClient.builder(config, "charter-service").token(tokens).build(),
                ServiceClient.builder(config, "client-service").token(tokens).build(),
                ServiceClient.builder(config, "vendor-service").token(tokens).build(),
                ServiceClient.builder(config, "dispatch-service").token(tokens).build());

        var mongo = Mongo.connect(config);
        try {
            var store = new DocumentStore(mongo.database());
            mongo.createIndexes(store);
            var actions = new DocumentActions(store, owners, FileTypes.tika(), limits);
            var app = ServiceApp.named(NAME)
                    .openApiFrom(DocumentService.class)
                    .authFrom(config)
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
