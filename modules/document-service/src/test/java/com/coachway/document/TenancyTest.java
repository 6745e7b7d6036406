package com.coachway.document;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Portal users reach the documents of their own records only; another's is a 404, as if it did not exist. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyTest {
    DocumentPlatform p;
    String ours;
    String theirs;
    String ourCharter;
    String theirCharter;
    String ourDoc;
    String theirDoc;

    @BeforeAll
    void start() {
        p = new DocumentPlatform();
        ours = p.createClient();
        theirs = p.createClient();
        ourCharter = p.createCharter(ours);
        theirCharter = p.createCharter(theirs);
        ourDoc = p.uploaded(p.uploadingAs("sales_agent"), "charter", ourCharter, "ours.pdf", TestFiles.pdf(1_000));
        theirDoc = p.uploaded(p.uploadingAs("sales_agent"), "charter", theirCharter, "theirs.pdf", TestFiles.pdf(1_000));
    }

    @AfterAll
    void stop() {
        if (p != null) p.close();
    }

    @Test
    void another_clients_document_is_404_for_a_client_user_everywhere() {
        p.asClientUser(ours).get("/documents/" + ourDoc).then().statusCode(200);
        p.asClientUser(ours).get("/documents/" + theirDoc).then().statusCode(404);
        p.asClientUser(ours).get("/documents/" + theirDoc + "/download").then().statusCode(404);
        p.asClientUser(ours).delete("/documents/" + theirDoc).then().statusCode(404);
        p.as("sales_agent").get("/documents/" + theirDoc).then().statusCode(200);
    }

    @Test
    void a_client_users_list_holds_only_its_own_whatever_it_asks_for() {
        List<String> all = p.asClientUser(ours).get("/documents").then().statusCode(200).extract().path("items.id");
        assertTrue(all.contains(ourDoc));
        assertFalse(all.contains(theirDoc));
        Response asked = p.asClientUser(ours).queryParam("entity_type", "charter").queryParam("entity_id", theirCharter).get("/documents");
        assertEquals(0, asked.<Integer>path("total"));
    }

    @Test
    void a_client_user_uploads_to_its_own_records_and_another_clients_are_404() {
        long files = p.mongo.files();
        String token = p.clientToken(ours);
        Response own = p.upload(p.uploading(token), "charter", ourCharter, "signed.pdf", TestFiles.pdf(1_000));
        assertEquals(201, own.statusCode(), own::asString);
        p.upload(p.uploading(token), "client", ours, "w9.pdf", TestFiles.pdf(1_000)).then().statusCode(201);
        p.upload(p.uploading(token), "charter", theirCharter, "x.pdf", TestFiles.pdf(1_000)).then().statusCode(404);
        p.upload(p.uploading(token), "client", theirs, "x.pdf", TestFiles.pdf(1_000)).then().statusCode(404);
        p.upload(p.uploading(token), "vehicle", p.createVehicle(null), "x.pdf", TestFiles.pdf(1_000)).then().statusCode(404);
        assertEquals(files + 2, p.mongo.files());

        // its own upload it may delete; a staff document on its own charter it may read but not delete
        p.asClientUser(ours).delete("/documents/" + own.path("id")).then().statusCode(204);
        p.asClientUser(ours).delete("/documents/" + ourDoc).then().statusCode(403);
    }

    @Test
    void a_vendor_user_reaches_its_own_vehicles_documents_only() {
        UUID vendor = UUID.randomUUID();
        String ownVehicle = p.createVehicle(vendor.toString());
        String otherVehicle = p.createVehicle(UUID.randomUUID().toString());
        String vendorToken = p.platform.portalToken("vendor", vendor);
        Response up = p.upload(p.uploading(vendorToken), "vehicle", ownVehicle, "insurance.pdf", TestFiles.pdf(1_000));
        assertEquals(201, up.statusCode(), up::asString);
        p.upload(p.uploading(vendorToken), "vehicle", otherVehicle, "insurance.pdf", TestFiles.pdf(1_000)).then().statusCode(404);
        p.upload(p.uploading(vendorToken), "charter", ourCharter, "x.pdf", TestFiles.pdf(1_000)).then().statusCode(404);

        var asVendor = p.platform.api(DocumentPlatform.DOCUMENTS).auth().oauth2(vendorToken);
        List<String> listed = asVendor.get("/documents").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(up.<String>path("id")), listed);
        p.platform.api(DocumentPlatform.DOCUMENTS).auth().oauth2(vendorToken).get("/documents/" + ourDoc).then().statusCode(404);
    }

    @Test
    void roles_outside_the_contract_are_refused() {
        String driver = p.platform.portalToken("driver", UUID.randomUUID());
        p.platform.raw(DocumentPlatform.DOCUMENTS).auth().oauth2(driver).get("/documents").then().statusCode(403);
        p.upload(p.uploading(driver), "charter", ourCharter, "x.pdf", TestFiles.pdf(100)).then().statusCode(403);
        p.platform.raw(DocumentPlatform.DOCUMENTS).get("/documents").then().statusCode(401);
        p.upload(p.platform.raw(DocumentPlatform.DOCUMENTS), "charter", ourCharter, "x.pdf", TestFiles.pdf(100)).then().statusCode(401);
    }
}
