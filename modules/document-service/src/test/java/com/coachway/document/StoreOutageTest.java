package com.coachway.document;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MongoDB gone: every endpoint is a 503 with Retry-After within the driver's 1.5 s server selection, and /health says so. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreOutageTest {
    DocumentPlatform p;
    String charter;
    String doc;

    @BeforeAll
    void start() {
        p = new DocumentPlatform();
        charter = p.createCharter(p.createClient());
        doc = p.uploaded(p.uploadingAs("sales_agent"), "charter", charter, "a.pdf", TestFiles.pdf(1_000));
        p.mongo.close();
    }

    @AfterAll
    void stop() {
        if (p != null) p.close();
    }

    @Test
    void reads_writes_and_health_are_503_not_500() throws Exception {
        for (String path : new String[] {"/documents", "/documents/" + doc, "/documents/" + doc + "/download"}) {
            var r = p.rawAs("sales_agent").get(path);
            assertEquals(503, r.statusCode(), () -> path + ": " + r.asString());
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
            assertEquals("5", r.header("Retry-After"));
        }
        p.rawAs("manager").delete("/documents/" + doc).then().statusCode(503);
        var body = Multipart.filing("charter", charter, "contract").file("b.pdf", TestFiles.pdf(400_000));
        HttpResponse<String> upload = p.stream(p.token("sales_agent"), body);
        assertEquals(503, upload.statusCode(), upload.body());
        var health = p.platform.raw(DocumentPlatform.DOCUMENTS).get("/health");
        assertEquals(503, health.statusCode());
        assertTrue(health.asString().contains("\"down\""), health.asString());
    }
}
