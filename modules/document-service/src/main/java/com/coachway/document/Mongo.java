package com.coachway.document;

import com.coachway.common.config.Config;
import com.coachway.common.http.HealthCheck;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.coachway.document.documents.DocumentStore;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The MongoDB connection (MONGO_URL; the database is the URL's, else "coachway"), with timeouts
 * short enough that a store that is down is a 503 and an unhealthy /health within two seconds,
 * never a long hang.
 */
final class Mongo implements AutoCloseable {
    static final String DEFAULT_URL = "mongodb://localhost:27017/coachway";
    private final MongoClient client;
    private final MongoDatabase database;

    private Mongo(MongoClient client, MongoDatabase database) {
        this.client = client;
        this.database = database;
    }

    static Mongo connect(Config config) {
        String url = config.string("MONGO_URL", DEFAULT_URL);
        ConnectionString connection;
        try {
            connection = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new Config.ConfigException("MONGO_URL", "must be a mongodb:// URL: " + e.getMessage());
        }
        var settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(1_500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(2_000, TimeUnit.MILLISECONDS).readTimeout(30_000, TimeUnit.MILLISECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        String name = connection.getDatabase() == null ? "coachway" : connection.getDatabase();
        return new Mongo(client, client.getDatabase(name));
    }

    MongoDatabase database() {
        return database;
    }

    /** Indexes are an optimisation: a store that is down at start gets them at the next start, and the service still starts. */
    void createIndexes(DocumentStore store) {
        try {
            store.createIndexes();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Mongo.class).warn("could not create the document indexes now: {}", e.toString());
        }
    }

    HealthCheck health() {
        return () -> {
            database.runCommand(new Document("ping", 1));
            return HealthCheck.Result.up("ping ok");
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
