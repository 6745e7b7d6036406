package com.coachway.document;

import com.coachway.testkit.RecordingNeighbour;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents filed against vendors (vendor-service) and drivers (dispatch-service): each record is
 * looked up in its service with document-service's own token, and a vendor user reaches its own
 * vendor's and its own drivers' documents only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorAndDriverDocumentsTest {
    final RecordingNeighbour vendors = new RecordingNeighbour(200, "{}");
    final RecordingNeighbour dispatch = new RecordingNeighbour(200, "{}");
    DocumentPlatform p;

    @BeforeAll
    void start() {
        p = new DocumentPlatform(Map.of("VENDOR_SERVICE_URL", vendors.url(), "DISPATCH_SERVICE_URL", dispatch.url()));
    }

    @AfterAll
    void stop() {
        if (p != null) p.close();
        vendors.close();
        dispatch.close();
    }

    @Test
    void a_vendors_certificate_is_filed_after_vendor_service_knows_the_vendor_and_only_that_vendor_reaches_it() {
        UUID vendor = UUID.randomUUID();
        vendors.answer(200, "{\"id\":\"" + vendor + "\",\"name\":\"Hudson Lines\"}");
        Response up = p.upload(p.uploadingAs("dispatcher"), "vendor", vendor.toString(), "insurance.pdf", TestFiles.pdf(2_000));
        assertEquals(201, up.statusCode(), up::asString);
        assertEquals("vendor", up.path("entity_type"));
        var asked = vendors.requests();
        assertEquals(1, asked.size());
        assertEquals("GET", asked.get(0).method());
        assertEquals("/vendors/" + vendor, asked.get(0).path());
        assertTrue(asked.get(0).bearer());

        String own = p.platform.portalToken("vendor", vendor);
        String other = p.platform.portalToken("vendor", UUID.randomUUID());
        var asOwn = p.platform.api(DocumentPlatform.DOCUMENTS).auth().oauth2(own);
        assertEquals(List.of(up.<String>path("id")), asOwn.queryParam("entity_type", "vendor").queryParam("entity_id", vendor.toString())
                .get("/documents").then().statusCode(200).extract().path("items.id"));
        p.platform.api(DocumentPlatform.DOCUMENTS).auth().oauth2(other).get("/documents/" + up.path("id")).then().statusCode(404);
        // a vendor user files its own vendor's papers, never another's
        Response self = p.upload(p.uploading(own), "vendor", vendor.toString(), "w9.pdf", TestFiles.pdf(500));
        assertEquals(201, self.statusCode(), self::asString);
        p.upload(p.uploading(other), "vendor", vendor.toString(), "w9.pdf", TestFiles.pdf(500)).then().statusCode(404);
    }

    @Test
    void a_driver_is_looked_up_in_dispatch_and_an_affiliates_driver_belongs_to_its_vendor() {
        UUID vendor = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        dispatch.answer(200, "{\"id\":\"" + driver + "\",\"vendor_id\":\"" + vendor + "\",\"name\":\"Pat Driver\"}");
        String own = p.platform.portalToken("vendor", vendor);
        Response up = p.upload(p.uploading(own), "driver", driver.toString(), "medical-card.pdf", TestFiles.pdf(800));
        assertEquals(201, up.statusCode(), up::asString);
        assertEquals("/drivers/" + driver, dispatch.requests().get(0).path());
        p.platform.api(DocumentPlatform.DOCUMENTS).auth().oauth2(p.platform.portalToken("vendor", UUID.randomUUID()))
                .get("/documents/" + up.path("id")).then().statusCode(404);
        p.as("dispatcher").get("/documents/" + up.path("id")).then().statusCode(200);

        // a company driver (no vendor) is staff's only
        UUID companyDriver = UUID.randomUUID();
        dispatch.answer(200, "{\"id\":\"" + companyDriver + "\",\"vendor_id\":null}");
        p.upload(p.uploading(own), "driver", companyDriver.toString(), "licence.pdf", TestFiles.pdf(800)).then().statusCode(404);
        Response staff = p.upload(p.uploadingAs("dispatcher"), "driver", companyDriver.toString(), "licence.pdf", TestFiles.pdf(800));
        assertEquals(201, staff.statusCode(), staff::asString);
    }

    @Test
    void unknown_vendors_and_drivers_are_404_and_an_owner_that_is_down_is_503_with_nothing_stored() {
        long before = p.mongo.files();
        vendors.answer(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Vendor not found\"}");
        p.upload(p.uploadingAs("dispatcher"), "vendor", UUID.randomUUID().toString(), "x.pdf", TestFiles.pdf(300)).then().statusCode(404);
        dispatch.answer(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Driver not found\"}");
        p.upload(p.uploadingAs("dispatcher"), "driver", UUID.randomUUID().toString(), "x.pdf", TestFiles.pdf(300)).then().statusCode(404);
        dispatch.answer(503, "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}");
        p.upload(p.uploadingAs("dispatcher"), "driver", UUID.randomUUID().toString(), "x.pdf", TestFiles.pdf(300)).then().statusCode(503);
        assertEquals(before, p.mongo.files());
    }
}
