package com.coachway.document;

import com.coachway.auth.AuthService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.pricing.PricingService;
import com.coachway.testkit.Platform;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-, client-, pricing-, charter- and document-service behind the gateway on the real
 * kong.yml, with MongoDB in the test JVM (mongo-java-server), and helpers for the records
 * documents are filed against.
 */
final class DocumentPlatform implements AutoCloseable {
    static final String DOCUMENTS = "/api/v1/documents";
    static final String CHARTERS = "/api/v1/charters";
    static final String CLIENTS = "/api/v1/clients";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final TestMongo mongo;
    final Platform platform;

    DocumentPlatform() {
        this(Map.of());
    }

    DocumentPlatform(Map<String, String> documentEnv) {
        mongo = new TestMongo();
        var env = new HashMap<String, String>(Map.of("MONGO_URL", mongo.url()));
        env.putAll(documentEnv);
        try {
            platform = Platform.builder()
                    .service("auth-service", "/api/v1/auth", AuthService::start)
                    .service("client-service", CLIENTS, ClientService::start)
                    .service("pricing-service", "/api/v1/pricing", PricingService::start)
                    .service("charter-service", CHARTERS, CharterService::start)
                    .service("document-service", DOCUMENTS, DocumentService::start, env)
                    .start();
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    RequestSpecification as(String role) {
        return platform.api(DOCUMENTS).auth().oauth2(platform.token(role));
    }

    RequestSpecification rawAs(String role) {
        return platform.raw(DOCUMENTS).auth().oauth2(platform.token(role));
    }

    RequestSpecification asClientUser(String clientId) {
        return platform.api(DOCUMENTS).auth().oauth2(clientToken(clientId));
    }

    /**
     * For uploads: the contract validator of REST-assured cannot read multipart bodies ("a request
     * body is required but none found"), so an upload's request goes unvalidated; its response is.
     */
    RequestSpecification uploading(String token) {
        return platform.raw(DOCUMENTS).auth().oauth2(token);
    }

    RequestSpecification uploadingAs(String role) {
        return uploading(platform.token(role));
    }

    String clientToken(String clientId) {
        return platform.portalToken("client", UUID.fromString(clientId));
    }

    String token(String role) {
        return platform.token(role);
    }

    // ---- the records documents are filed against ----

    String createClient() {
        Response r = platform.api(CLIENTS).auth().oauth2(platform.adminToken()).contentType("application/json")
                .body(Map.of("name", "Doc Tours " + UUID.randomUUID().toString().substring(0, 6), "type", "corporate",
                        "email", "docs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"))
                .post("/clients");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    String createCharter(String clientId) {
        String day = "2027-06-0" + (1 + (int) (Math.random() * 8));
        var body = new LinkedHashMap<String, Object>();
        body.put("client_id", clientId);
        body.put("trip_type", "round_trip");
        body.put("passenger_count", 30);
        body.put("pickup_at", day + "T08:00:00-04:00");
        body.put("return_at", day + "T18:00:00-04:00");
        body.put("stops", List.of(Map.of("sequence", 1, "address", "1 Main St, Springfield", "depart_at", day + "T08:00:00-04:00"),
                Map.of("sequence", 2, "address", "Science Museum, Boston", "arrive_at", day + "T10:30:00-04:00")));
        body.put("vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1)));
        body.put("miles", 120);
        Response r = platform.api(CHARTERS).auth().oauth2(platform.token("sales_agent")).contentType("application/json")
                .body(body).post("/charters");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    String createVehicle(String vendorId) {
        var body = new HashMap<String, Object>(Map.of("vehicle_type", "coach_56", "capacity", 56, "make", "MCI", "model", "J4500",
                "year", 2024, "plate", "DOC " + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "vin", vin()));
        if (vendorId != null) body.put("vendor_id", vendorId);
        Response r = platform.api(CHARTERS).auth().oauth2(platform.token("dispatcher")).contentType("application/json")
                .body(body).post("/vehicles");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    private static String vin() {
        String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var sb = new StringBuilder();
        var rnd = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 17; i++) sb.append(chars.charAt(rnd.nextInt(chars.length())));
        return sb.toString();
    }

    // ---- uploads ----

    /** A multipart upload through REST-assured (validated against the contract) of a small file. */
    Response upload(RequestSpecification as, String entityType, String entityId, String filename, byte[] content) {
        return as.multiPart("entity_type", entityType)
                .multiPart("entity_id", entityId)
                .multiPart("kind", "contract")
                .multiPart("file", filename, content, "application/octet-stream")
                .post("/documents");
    }

    String uploaded(RequestSpecification as, String entityType, String entityId, String filename, byte[] content) {
        Response r = upload(as, entityType, entityId, filename, content);
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    /** A streamed upload through the gateway with java.net.http: the body is generated as it is sent. */
    HttpResponse<String> stream(String token, Multipart body) throws IOException, InterruptedException {
        return stream(token, body, body::stream);
    }

    HttpResponse<String> stream(String token, Multipart body, Supplier<InputStream> content) throws IOException, InterruptedException {
        return stream(token, body, content, false);
    }

    /** @param expectContinue send {@code Expect: 100-continue} and wait for the go-ahead, as curl does for bodies over 1 MB */
    HttpResponse<String> stream(String token, Multipart body, Supplier<InputStream> content, boolean expectContinue)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + DOCUMENTS + "/documents"))
                .expectContinue(expectContinue)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), body.length()))
                .timeout(Duration.ofMinutes(2))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> download(String token, String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + DOCUMENTS + "/documents/" + id + "/download"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            mongo.close();
        }
    }
}
