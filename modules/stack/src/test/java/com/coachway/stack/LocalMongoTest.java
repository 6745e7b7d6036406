package com.coachway.stack;

import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local document store keeps GridFS files in its H2 file: a document survives a restart of the stack. */
class LocalMongoTest {
    @Test
    void a_gridfs_file_survives_a_restart_byte_identical(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        try (var mongo = LocalMongo.start(dir, 0); var client = MongoClients.create(mongo.url())) {
            GridFSBuckets.create(client.getDatabase(LocalMongo.DATABASE), "documents")
                    .uploadFromStream(new BsonString("doc-1"), "contract.pdf", new ByteArrayInputStream(content));
        }
        try (var mongo = LocalMongo.start(dir, 0); var client = MongoClients.create(mongo.url())) {
            var bucket = GridFSBuckets.create(client.getDatabase(LocalMongo.DATABASE), "documents");
            var out = new ByteArrayOutputStream();
            bucket.downloadToStream(new BsonString("doc-1"), out);
            assertArrayEquals(content, out.toByteArray());
            assertEquals("contract.pdf", bucket.find().first().getFilename());
        }
    }
}
