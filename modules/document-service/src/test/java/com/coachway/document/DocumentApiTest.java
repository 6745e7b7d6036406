package com.coachway.document;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploading, reading, downloading and deleting documents through the gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentApiTest {
    DocumentPlatform p;
    String client;
    String charter;

    @BeforeAll
    void start() {
        p = new DocumentPlatform();
        client = p.createClient();
        charter = p.createCharter(client);
    }

    @AfterAll
    void stop() {
        if (p != null) p.close();
    }

    @Test
    void a_pdf_filed_on_a_charter_is_stored_with_its_sha256_and_reads_back() throws Exception {
        byte[] pdf = TestFiles.pdf(300_000);
        Response r = p.uploadingAs("sales_agent").multiPart("entity_type", "charter").multiPart("entity_id", charter)
                .multiPart("kind", "contract").multiPart("description", "Signed contract")
                .multiPart("file", "contract.pdf", pdf, "application/pdf").post("/documents");
        assertEquals(201, r.statusCode(), r::asString);
        String id = r.path("id");
        assertEquals("/documents/" + id, r.header("Location"));
        assertEquals("contract.pdf", r.path("filename"));
        assertEquals("application/pdf", r.path("content_type"));
        assertEquals(pdf.length, r.<Integer>path("size"));
        assertEquals(TestFiles.sha256(pdf), r.path("sha256"));
        assertEquals("charter", r.path("entity_type"));
        assertEquals(charter, r.path("entity_id"));
        assertEquals("contract", r.path("kind"));
        assertEquals("Signed contract", r.path("description"));

        Response got = p.as("dispatcher").get("/documents/" + id);
        assertEquals(200, got.statusCode(), got::asString);
        assertEquals(TestFiles.sha256(pdf), got.path("sha256"));
        assertEquals(r.<String>path("uploaded_at"), got.path("uploaded_at"));
        assertEquals(r.<String>path("uploaded_by"), got.path("uploaded_by"));

        List<String> listed = p.as("accountant").queryParam("entity_type", "charter").queryParam("entity_id", charter)
                .get("/documents").then().statusCode(200).extract().path("items.id");
        assertTrue(listed.contains(id), listed::toString);

        HttpResponse<InputStream> download = p.download(p.token("dispatcher"), id);
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(pdf.length), download.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("attachment; filename=\"contract.pdf\"; filename*=UTF-8''contract.pdf",
                download.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(TestFiles.sha256(pdf), TestFiles.sha256(download.body()));
    }

    @Test
    void the_download_is_validated_against_the_contract_too() {
        String id = p.uploaded(p.uploadingAs("sales_agent"), "charter", charter, "notes.txt", TestFiles.text());
        Response r = p.as("sales_agent").get("/documents/" + id + "/download");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain", r.contentType().split(";")[0]);
        assertEquals(new String(TestFiles.text(), java.nio.charset.StandardCharsets.UTF_8), r.asString());
    }

    @Test
    void documents_are_filed_on_clients_and_vehicles_too() {
        String onClient = p.uploaded(p.uploadingAs("accountant"), "client", client, "tax-exemption.pdf", TestFiles.pdf(2_000));
        assertEquals("client", p.as("accountant").get("/documents/" + onClient).path("entity_type"));
        String vehicle = p.createVehicle(null);
        String onVehicle = p.uploaded(p.uploadingAs("dispatcher"), "vehicle", vehicle, "insurance.png", TestFiles.png());
        assertEquals("image/png", p.as("dispatcher").get("/documents/" + onVehicle).path("content_type"));
    }

    @Test
    void every_type_taken_is_detected_from_the_bytes() {
        Map<String, byte[]> files = Map.of(
                "a.pdf", TestFiles.pdf(1_000), "b.png", TestFiles.png(), "c.jpg", TestFiles.jpeg(),
                "d.docx", TestFiles.docx(), "e.xlsx", TestFiles.xlsx(), "f.csv", TestFiles.csv(), "g.txt", TestFiles.text());
        Map<String, String> expected = Map.of(
                "a.pdf", "application/pdf", "b.png", "image/png", "c.jpg", "image/jpeg",
                "d.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "e.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "f.csv", "text/csv", "g.txt", "text/plain");
        files.forEach((name, bytes) -> {
            Response r = p.upload(p.uploadingAs("sales_agent"), "charter", charter, name, bytes);
            assertEquals(201, r.statusCode(), () -> name + ": " + r.asString());
            assertEquals(expected.get(name), r.path("content_type"), name);
        });
    }

    @Test
    void an_exe_renamed_pdf_is_415_and_nothing_is_stored() {
        long files = p.mongo.files();
        long chunks = p.mongo.chunks();
        for (var bad : Map.of("invoice.pdf", TestFiles.exe(), "notes.txt", TestFiles.html()).entrySet()) {
            Response r = p.upload(p.uploadingAs("sales_agent"), "charter", charter, bad.getKey(), bad.getValue());
            assertEquals(415, r.statusCode(), r::asString);
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
        }
        assertEquals(files, p.mongo.files());
        assertEquals(chunks, p.mongo.chunks());
    }

    @Test
    void a_record_that_does_not_exist_is_404_naming_it_and_nothing_is_stored() {
        long files = p.mongo.files();
        String nobody = UUID.randomUUID().toString();
        for (String type : List.of("charter", "client", "vehicle")) {
            Response r = p.upload(p.uploadingAs("sales_agent"), type, nobody, "x.pdf", TestFiles.pdf(1_000));
            assertEquals(404, r.statusCode(), r::asString);
            assertTrue(r.<String>path("detail").contains(nobody), r::asString);
        }
        assertEquals(files, p.mongo.files());
    }

    @Test
    void the_uploader_an_admin_or_a_manager_deletes_and_others_may_not() {
        String mine = p.uploaded(p.uploadingAs("sales_agent"), "charter", charter, "mine.pdf", TestFiles.pdf(600_000));
        long chunks = p.mongo.chunks();
        p.as("dispatcher").delete("/documents/" + mine).then().statusCode(403);
        p.as("sales_agent").delete("/documents/" + mine).then().statusCode(204);
        p.as("sales_agent").get("/documents/" + mine).then().statusCode(404);
        p.as("sales_agent").get("/documents/" + mine + "/download").then().statusCode(404);
        p.as("sales_agent").delete("/documents/" + mine).then().statusCode(404);
        assertTrue(p.mongo.chunks() < chunks, "its chunks are gone too");

        String theirs = p.uploaded(p.uploadingAs("sales_agent"), "charter", charter, "theirs.pdf", TestFiles.pdf(1_000));
        p.as("manager").delete("/documents/" + theirs).then().statusCode(204);
        String third = p.uploaded(p.uploadingAs("sales_agent"), "charter", charter, "third.pdf", TestFiles.pdf(1_000));
        p.platform.api(DocumentPlatform.DOCUMENTS).auth().oauth2(p.platform.adminToken()).delete("/documents/" + third).then().statusCode(204);
    }

    @Test
    void health_checks_mongodb() {
        p.platform.api(DocumentPlatform.DOCUMENTS).get("/health").then().statusCode(200);
        assertEquals("up", p.platform.api(DocumentPlatform.DOCUMENTS).get("/health").path("checks.mongodb.status"));
    }
}
