package com.coachway.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

class GatewayRoutingTest extends GatewayTestBase {

    @Test
    void a_prefix_route_strips_its_path_and_keeps_the_query_string() {
        Response r = client().get("/api/users/42?q=a%20b&tag=x&tag=y");
        r.then().statusCode(200);
        assertEquals("/users/42", upstreamSaw(r).getString("path"));
        assertEquals("q=a%20b&tag=x&tag=y", upstreamSaw(r).getString("query"));
        assertEquals("GET", upstreamSaw(r).getString("method"));
    }

    @Test
    void an_empty_query_string_is_kept_as_kong_does() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(gateway.port(), "GET /api/users? HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        JsonNode seen = new ObjectMapper().readTree(reply.body());
        assertEquals("/users", seen.get("path").asText());
        assertEquals("", seen.get("query").asText());
    }

    @Test
    void the_longest_matching_prefix_wins() {
        assertEquals("/7", upstreamSaw(client().get("/api/items/7")).getString("path"));
        assertEquals("/other", upstreamSaw(client().get("/api/other")).getString("path"));
    }

    @Test
    void prefixes_are_plain_string_prefixes_not_path_segments() {
        // Kong matches /api/items against /api/itemsX too, and joins the rest to the service path.
        assertEquals("/X", upstreamSaw(client().get("/api/itemsX")).getString("path"));
    }

    @Test
    void the_service_url_path_is_joined_the_kong_v0_way() {
        Response r = client().get("/joined/x/y");
        assertEquals("/base/x/y", upstreamSaw(r).getString("path"));
        assertEquals("echo-two", upstreamSaw(r).getString("server"), "a service-name override wins over the host one");
        assertEquals("/base", upstreamSaw(client().get("/joined")).getString("path"));
        assertEquals("/base/", upstreamSaw(client().get("/joined/")).getString("path"));
    }

    @Test
    void dot_segments_are_resolved_before_routing_as_kong_normalizes_paths() {
        assertEquals("/b", upstreamSaw(client().get("/api/a/%2E%2E/b")).getString("path"));
        assertEquals("/a/b", upstreamSaw(client().get("/api//a/./b")).getString("path"));
    }

    @Test
    void a_method_the_route_does_not_list_is_a_404_problem() {
        client().get("/post-only")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("no Route matched with those values"));
        assertEquals("/", upstreamSaw(client().post("/post-only")).getString("path"));
    }

    @Test
    void no_route_is_a_404_problem_with_the_request_id_in_body_and_header() {
        Response r = client().get("/nowhere");
        r.then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("request_id", matchesPattern("[0-9a-f-]{36}"));
        assertEquals(r.header("X-Request-ID"), r.jsonPath().getString("request_id"));
        client().header("X-Request-ID", "client-chosen-1").get("/nowhere")
                .then().body("request_id", equalTo("client-chosen-1"));
    }

    @Test
    void upstream_errors_pass_through_untouched() {
        Response r = client().header("X-Echo-Status", "409").get("/api/conflict");
        r.then().statusCode(409).contentType("application/json").header("X-Upstream", "echo");
    }
}
