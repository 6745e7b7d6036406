package com.coachway.charter;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /docs and /metrics of all four services, as operators and API users meet them: the Swagger UI
 * page renders through the gateway under /api/v1/&lt;route&gt;/docs with every file it loads, while
 * /metrics answers only on the service's own port.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperationsThroughTheGatewayTest {
    private static final Pattern URL_IN_PAGE = Pattern.compile("(?:href|src)=\"([^\"]*)\"|url: \"([^\"]*)\"");
    private static CharterPlatform platform;

    @BeforeAll
    static void start() {
        platform = new CharterPlatform();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Response get(URI uri) {
        return RestAssured.given().urlEncodingEnabled(false).get(uri);
    }

    private static List<String> urls(String html) {
        var found = new ArrayList<String>();
        var m = URL_IN_PAGE.matcher(html);
        while (m.find()) found.add(m.group(1) != null ? m.group(1) : m.group(2));
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth", "/api/v1/clients", "/api/v1/pricing", "/api/v1/charters"})
    void docs_render_through_the_gateway_with_their_assets_and_the_services_own_contract(String route) {
        URI page = URI.create(platform.platform.gatewayUrl() + route + "/docs");
        Response html = get(page);
        assertEquals(200, html.statusCode());
        assertTrue(html.contentType().startsWith("text/html"), html.contentType());

        List<String> urls = urls(html.asString());
        assertTrue(urls.size() >= 4, urls.toString());
        for (String url : urls) {
            URI resolved = page.resolve(url);
            assertTrue(resolved.getPath().startsWith(route + "/"), url + " leaves the route: " + resolved);
            Response file = get(resolved);
            assertEquals(200, file.statusCode(), resolved.toString());
            String type = url.endsWith(".css") ? "text/css" : url.endsWith(".js") ? "text/javascript"
                    : url.endsWith(".png") ? "image/png" : "application/yaml";
            assertTrue(file.contentType().startsWith(type), resolved + ": " + file.contentType());
            if (url.equals("openapi.yaml")) assertTrue(file.asString().contains("- url: " + route), "the service's own contract");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth", "/api/v1/clients", "/api/v1/pricing", "/api/v1/charters"})
    void metrics_are_not_served_through_the_gateway(String route) {
        for (String path : List.of("/metrics", "/metrics/", "/metrics?format=text")) {
            Response r = get(URI.create(platform.platform.gatewayUrl() + route + path));
            assertEquals(404, r.statusCode(), route + path);
            assertFalse(r.asString().contains("http_server_requests"), route + path);
        }
    }

    @Test
    void each_services_own_port_serves_prometheus_text_with_request_histograms_by_route_template() {
        String missing = UUID.randomUUID().toString();
        assertEquals(404, platform.as("sales_agent").get("/charters/" + missing).statusCode());

        for (String host : List.of("auth-service", "client-service", "pricing-service", "charter-service")) {
            assertEquals(200, get(platform.platform.serviceUri(host).resolve("/health")).statusCode(), host);
            Response r = get(platform.platform.serviceUri(host).resolve("/metrics"));
            assertEquals(200, r.statusCode(), host);
            assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), host + ": " + r.contentType());
            String text = r.asString();
            assertTrue(text.contains("# TYPE http_server_requests_seconds histogram"), host);
            assertTrue(text.contains("http_server_requests_seconds_bucket{method=\"GET\",status=\"200\",uri=\"/health\",le=\"0.001\"}"), host);
            assertTrue(text.contains("hikaricp_connections_active{pool=\"" + host + "\"}"), host + " pool");
        }
        String charter = get(platform.platform.serviceUri("charter-service").resolve("/metrics")).asString();
        assertTrue(charter.contains("http_server_requests_seconds_count{method=\"GET\",status=\"404\",uri=\"/charters/{id}\"} 1"), charter);
        assertFalse(charter.contains(missing), "a raw path is never a label");
        assertTrue(charter.contains("outbox_pending_events{schema=\"charter\"}"), "charter's outbox backlog");
        assertTrue(charter.contains("outbox_oldest_pending_age_seconds{schema=\"charter\"}"), "charter's outbox age");
    }
}
