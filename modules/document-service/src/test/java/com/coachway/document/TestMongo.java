package com.coachway.document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A MongoDB-wire-compatible server inside the test JVM (mongo-java-server, in memory), and a client to look at it. */
final class TestMongo implements AutoCloseable {
    static final String DATABASE = "coachway";
    private final MongoServer server;
    private final MongoClient client;

    TestMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(url());
    }

    String url() {
        var a = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + a.getPort() + "/" + DATABASE;
    }

    MongoDatabase database() {
        return client.getDatabase(DATABASE);
    }

    long files() {
        return database().getCollection("documents.files").countDocuments();
    }

    long chunks() {
        return database().getCollection("documents.chunks").countDocuments();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
