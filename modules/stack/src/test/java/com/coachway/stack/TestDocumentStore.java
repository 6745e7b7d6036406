package com.coachway.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A MongoDB-wire-compatible server in the test JVM for document-service, and the counts that show whether anything was stored. */
final class TestDocumentStore implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final String url;

    TestDocumentStore() {
        server.bind("127.0.0.1", 0);
        url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/coachway";
        client = MongoClients.create(url);
    }

    String url() {
        return url;
    }

    /** files entries and chunks, as "files/chunks": a refused upload must change neither. */
    String contents() {
        var db = client.getDatabase("coachway");
        return db.getCollection("documents.files").countDocuments() + "/" + db.getCollection("documents.chunks").countDocuments();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
