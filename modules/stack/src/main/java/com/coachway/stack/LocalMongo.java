package com.coachway.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stack's document store: mongo-java-server (MongoDB's wire protocol, enough of it for
 * the sync driver's GridFS) on H2's MVStore file in .coachway/mongo, so documents survive a
 * restart. Bound to 127.0.0.1 only, on MONGO_PORT or (by default) any free port: only the
 * services in this JVM need to find it, and a second stack (the smoke run) never collides with it. Real MongoDB (docker-compose, or MONGO_URL) is the production
 * shape; this one stands in where no container can run.
 */
final class LocalMongo implements AutoCloseable {
    static final String DATABASE = "coachway";
    private final MongoServer server;
    private final int port;

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalMongo start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        var server = new MongoServer(new H2Backend(dataDir.resolve("documents.mv").toString()));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("the local document store could not listen on 127.0.0.1:" + port
                    + " (set MONGO_PORT, or MONGO_URL for a MongoDB of your own): " + e.getMessage(), e);
        }
        return new LocalMongo(server, server.getLocalAddress().getPort());
    }

    String url() {
        return "mongodb://127.0.0.1:" + port + "/" + DATABASE;
    }

    int port() {
        return port;
    }

    /** Closes the H2 file cleanly (MongoServer.shutdown closes its backend). */
    @Override
    public void close() {
        server.shutdown();
    }

    @Override
    public String toString() {
        return "LocalMongo[" + url() + "]";
    }
}
