package com.coachway.document;

import com.coachway.testkit.KeysetPaging;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint fed what a careless or hostile client sends: a clear 4xx problem+json, and
 * nothing stored (no files entry, no chunk) by a refused upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    DocumentPlatform p;
    String charter;
    long files;
    long chunks;

    @BeforeAll
    void start() {
        p = new DocumentPlatform();
        charter = p.createCharter(p.createClient());
        for (int i = 0; i < 7; i++) p.uploaded(p.uploadingAs("sales_agent"), "charter", charter, "page" + i + ".pdf", TestFiles.pdf(100));
    }

    @AfterAll
    void stop() {
        if (p != null) p.close();
    }

    @BeforeEach
    void counts() {
        files = p.mongo.files();
        chunks = p.mongo.chunks();
    }

    @AfterEach
    void nothingWritten() {
        assertEquals(files, p.mongo.files(), "a refused request stored a document");
        assertEquals(chunks, p.mongo.chunks(), "a refused request left chunks behind");
    }

    private HttpResponse<String> send(String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.platform.gatewayUrl() + DocumentPlatform.DOCUMENTS + "/documents"))
                .header("Authorization", "Bearer " + p.token("sales_agent"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return DocumentPlatform.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(Multipart body) throws Exception {
        return send(body.contentType(), body.bytes());
    }

    private static void refused(HttpResponse<String> r, int status, String... fields) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        for (String field : fields) assertTrue(r.body().contains("\"field\":\"" + field + "\""), () -> field + " not named in " + r.body());
    }

    @Test
    void a_body_that_is_not_multipart_form_data_is_415() throws Exception {
        refused(send("application/json", "{\"entity_type\":\"charter\"}".getBytes(StandardCharsets.UTF_8)), 415);
        refused(send("text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);
        refused(send("multipart/form-data", "--x\r\n".getBytes(StandardCharsets.UTF_8)), 415);
        refused(send("multipart/mixed; boundary=abc", "--abc--\r\n".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void missing_parts_are_400_naming_each() throws Exception {
        refused(send(new Multipart().file("a.pdf", TestFiles.pdf(100))), 400, "entity_type", "entity_id", "kind");
        refused(send(Multipart.filing("charter", charter, "contract")), 400, "file");
        refused(send(new Multipart().field("entity_type", "charter").field("kind", "contract").file("a.pdf", TestFiles.pdf(100))), 400, "entity_id");
    }

    @Test
    void wrong_values_are_400_naming_each() throws Exception {
        refused(send(Multipart.filing("invoice", charter, "contract").file("a.pdf", TestFiles.pdf(100))), 400, "entity_type");
        refused(send(Multipart.filing("charter", "not-a-uuid", "contract").file("a.pdf", TestFiles.pdf(100))), 400, "entity_id");
        refused(send(Multipart.filing("charter", charter, "Contract!").file("a.pdf", TestFiles.pdf(100))), 400, "kind");
        refused(send(Multipart.filing("charter", charter, "contract").field("description", "x".repeat(1_001)).file("a.pdf", TestFiles.pdf(100))),
                400, "description");
        refused(send(Multipart.filing("charter", charter, "contract").field("description", "y".repeat(5_000)).file("a.pdf", TestFiles.pdf(100))),
                400, "description");
        refused(send(Multipart.filing("charter", charter, "contract").field("owner", "me").file("a.pdf", TestFiles.pdf(100))), 400, "owner");
        refused(send(Multipart.filing("charter", charter, "contract").field("kind", "again").file("a.pdf", TestFiles.pdf(100))), 400, "kind");
    }

    @Test
    void the_file_must_be_a_named_non_empty_last_part() throws Exception {
        refused(send(Multipart.filing("charter", charter, "contract").part("form-data; name=\"file\"", null, TestFiles.pdf(100))), 400, "file");
        refused(send(Multipart.filing("charter", charter, "contract").file("empty.pdf", new byte[0])), 400, "file");
        refused(send(Multipart.filing("charter", charter, "contract").file("a.pdf", TestFiles.pdf(300_000)).field("description", "late")), 400, "file");
        refused(send(new Multipart().file("a.pdf", TestFiles.pdf(100)).field("entity_type", "charter").field("entity_id", charter)
                .field("kind", "contract")), 400, "entity_type");
    }

    @Test
    void a_malformed_multipart_body_is_400() throws Exception {
        var body = Multipart.filing("charter", charter, "contract").file("a.pdf", TestFiles.pdf(300_000));
        byte[] whole = body.bytes();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 200);
        refused(send(body.contentType(), truncated), 400);
        refused(send(body.contentType(), "no boundary anywhere".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void a_body_over_the_routes_limit_is_refused_by_the_gateway_before_the_service() throws Exception {
        long size = 27L * 1024 * 1024;
        var body = Multipart.filing("charter", charter, "contract").file("huge.pdf", size, () -> TestFiles.pdfStream(size));
        HttpResponse<String> r = p.stream(p.token("sales_agent"), body);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void lists_refuse_bad_filters_and_cursors() {
        for (var bad : List.<Map<String, Object>>of(Map.of("entity_type", "invoice"), Map.of("entity_id", "x"),
                Map.of("entity_id", UUID.randomUUID().toString()), Map.of("limit", 0), Map.of("limit", 201), Map.of("offset", -1),
                Map.of("kind", "k".repeat(51)), Map.of("after", "garbage"))) {
            Response r = p.rawAs("sales_agent").queryParams(bad).get("/documents");
            assertEquals(400, r.statusCode(), () -> bad + ": " + r.asString());
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
        }
    }

    @Test
    void lists_page_by_keyset_as_by_offset() {
        var params = Map.of("entity_type", "charter", "entity_id", charter);
        KeysetPaging.assertWalkMatchesOffsets(() -> p.as("sales_agent"), "/documents", params, 3, "id");
        KeysetPaging.assertBadCursorsRefused(() -> p.rawAs("sales_agent"), "/documents", params);
    }

    @Test
    void ids_that_are_not_ids_or_nobodys_are_404() {
        for (String id : List.of("not-a-uuid", UUID.randomUUID().toString(), "1-1-1-1-1", "%20")) {
            for (String path : List.of("/documents/" + id, "/documents/" + id + "/download")) {
                Response r = p.rawAs("sales_agent").urlEncodingEnabled(false).get(path);
                assertEquals(404, r.statusCode(), () -> path + ": " + r.asString());
                assertEquals("application/problem+json", r.contentType().split(";")[0]);
            }
            p.rawAs("manager").urlEncodingEnabled(false).delete("/documents/" + id).then().statusCode(404);
        }
    }

    @Test
    void the_wrong_role_is_403_and_no_token_401() {
        String doc = p.as("sales_agent").get("/documents").path("items[0].id");
        String driver = p.platform.portalToken("driver", UUID.randomUUID());
        p.platform.raw(DocumentPlatform.DOCUMENTS).auth().oauth2(driver).get("/documents/" + doc).then().statusCode(403);
        p.platform.raw(DocumentPlatform.DOCUMENTS).auth().oauth2(driver).delete("/documents/" + doc).then().statusCode(403);
        p.platform.raw(DocumentPlatform.DOCUMENTS).get("/documents/" + doc + "/download").then().statusCode(401);
        p.platform.raw(DocumentPlatform.DOCUMENTS).delete("/documents/" + doc).then().statusCode(401);
    }
}
