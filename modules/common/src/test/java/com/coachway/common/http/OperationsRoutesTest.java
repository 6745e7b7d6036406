package com.coachway.common.http;

import com.coachway.common.auth.Role;
import com.coachway.common.testsupport.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /docs and /metrics, which every ServiceApp serves without any code of the service's own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperationsRoutesTest {
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern SPEC_URL = Pattern.compile("url: \"([^\"]*)\"");
    private static TestApp app;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Raw(int status, String contentType, String body, byte[] bytes) {
    }

    @BeforeAll
    static void start() {
        app = new TestApp(r -> {
            r.get("/things/{id}", ctx -> ctx.result("thing " + ctx.pathParam("id")), Role.PUBLIC);
            r.get("/boom", ctx -> {
                throw ApiException.conflict("no");
            }, Role.PUBLIC);
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Raw get(URI uri, String... headers) {
        try {
            var request = HttpRequest.newBuilder(uri).GET();
            if (headers.length > 0) request.headers(headers);
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI at(String path) {
        return URI.create(app.baseUrl() + path);
    }

    private static List<String> urls(String html) {
        var found = new ArrayList<String>();
        var m = URL_ATTRIBUTE.matcher(html);
        while (m.find()) found.add(m.group(1));
        var spec = SPEC_URL.matcher(html);
        while (spec.find()) found.add(spec.group(1));
        return found;
    }

    private static void assertRelative(String url) {
        assertFalse(url.startsWith("/") || url.contains("://") || url.startsWith("//"), url + " must be relative: the gateway serves /docs under a prefix");
    }

    @Test
    void docs_is_a_swagger_ui_page_whose_assets_are_relative_and_served_from_the_webjar() {
        Raw page = get(at("/docs"));
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("SwaggerUIBundle("), page.body());
        assertTrue(page.body().contains("test-service API"));

        List<String> urls = urls(page.body());
        assertTrue(urls.contains("docs/swagger-ui.css"), urls.toString());
        assertTrue(urls.contains("docs/swagger-ui-bundle.js"), urls.toString());
        assertTrue(urls.contains("openapi.yaml"), "the spec, as the gateway's /api/v1/<route>/openapi.yaml: " + urls);
        URI base = at("/docs");
        for (String url : urls) {
            assertRelative(url);
            if (url.equals("openapi.yaml")) continue; // TestApp has none; the gateway test fetches a real one
            Raw asset = get(base.resolve(url));
            assertEquals(200, asset.status(), url);
            String expected = url.endsWith(".css") ? "text/css" : url.endsWith(".js") ? "text/javascript" : "image/png";
            assertTrue(asset.contentType().startsWith(expected), url + ": " + asset.contentType());
            assertTrue(asset.bytes().length > 0, url);
        }
    }

    @Test
    void docs_with_a_trailing_slash_points_one_level_up_so_the_same_files_load() {
        Raw page = get(at("/docs/"));
        assertEquals(200, page.status());
        URI base = at("/docs/");
        for (String url : urls(page.body())) {
            assertRelative(url);
            String resolved = base.resolve(url).getPath();
            assertTrue(resolved.equals("/openapi.yaml") || resolved.startsWith("/docs/") && !resolved.startsWith("/docs/docs/"), url + " → " + resolved);
        }
        assertEquals(200, get(base.resolve("swagger-ui.css")).status());
    }

    @Test
    void only_the_files_the_page_uses_are_served_from_the_webjar() {
        for (String name : List.of("index.html", "swagger-initializer.js", "swagger-ui.js", "nothing.js", ".css")) {
            assertEquals(404, get(at("/docs/" + name)).status(), name);
        }
        for (String escape : List.of("..", "%2e%2e", "..%2fMETA-INF%2fmaven%2forg.webjars%2fswagger-ui%2fpom.properties")) {
            Raw r = get(at("/docs/" + escape));
            assertTrue(r.status() == 400 || r.status() == 404, escape + " → " + r.status());
        }
    }

    @Test
    void metrics_are_prometheus_text_with_a_latency_histogram_per_route_template_and_status() {
        assertEquals(200, get(at("/things/42")).status());
        assertEquals(200, get(at("/things/43")).status());
        assertEquals(409, get(at("/boom")).status());
        assertEquals(404, get(at("/no/such/path/" + System.nanoTime())).status());

        Raw metrics = get(at("/metrics"));

        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        String text = metrics.body();
        assertTrue(text.contains("# TYPE http_server_requests_seconds histogram"), text);
        assertTrue(Pattern.compile("http_server_requests_seconds_bucket\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*uri=\"/things/\\{id}\"[^}]*} ")
                .matcher(text).find(), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/things/{id}\"} 2"), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",status=\"409\",uri=\"/boom\"} 1"), text);
        assertTrue(text.contains("uri=\"NOT_FOUND\""), text);
        assertFalse(text.contains("/things/42") || text.contains("/no/such/path"), "raw paths must never be labels");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM basics");
    }

    @Test
    void metrics_refuse_a_request_that_came_through_the_gateway() {
        Raw proxied = get(at("/metrics"), "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Prefix", "/api/v1/things");
        assertEquals(404, proxied.status());
        assertTrue(proxied.contentType().startsWith(Problems.CONTENT_TYPE), proxied.contentType());
        assertFalse(proxied.body().contains("http_server_requests"));

        Raw forwarded = get(at("/metrics"), "Forwarded", "for=203.0.113.9");
        assertEquals(404, forwarded.status());
    }
}
