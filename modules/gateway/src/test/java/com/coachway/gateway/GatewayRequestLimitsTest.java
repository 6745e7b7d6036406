package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Oversize request heads are 414 / 431 problems decided at the gateway, never a 502 from a
 * service refusing what the gateway forwarded; and the largest head the gateway accepts does fit
 * a service's Jetty once the gateway's forwarding headers are added.
 */
class GatewayRequestLimitsTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST_255 = ("h".repeat(63) + ".").repeat(3) + "h".repeat(63);
    private static JettyUpstream service;
    private static Gateway toService;

    @BeforeAll
    static void startServiceGateway() throws Exception {
        service = new JettyUpstream();
        toService = Gateway.start(KongConfig.parse("""
                _format_version: "3.0"
                services:
                  - name: svc
                    url: http://svc:8000
                    routes:
                      - {name: svc, paths: [/api]}
                  - name: long-base
                    url: http://svc:8000/%s
                    routes:
                      - {name: long-base, paths: [/grow]}
                plugins:
                  - {name: correlation-id, config: {header_name: X-Request-ID, generator: uuid, echo_downstream: true}}
                """.formatted("p".repeat(5000)), Path.of("limits.yml")), Map.of("svc", service.uri()), 0);
    }

    @AfterAll
    static void stopServiceGateway() throws Exception {
        toService.close();
        service.close();
    }

    /** "GET {target} HTTP/1.1" exactly {@code bytes} long with its CRLF. */
    private static String targetForLine(String prefix, int bytes) {
        return prefix + "a".repeat(bytes - "GET ".length() - prefix.length() - " HTTP/1.1\r\n".length());
    }

    private static RawHttp.Reply get(int port, String target, String headers) throws Exception {
        return RawHttp.exchange(port, "GET " + target + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private static void assertProblem(RawHttp.Reply reply, int status, String detail) throws Exception {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.headers().get("content-type"));
        JsonNode problem = JSON.readTree(reply.body());
        assertEquals(status, problem.get("status").asInt());
        assertEquals(detail, problem.get("detail").asText());
        assertEquals(reply.headers().get("x-request-id"), problem.get("request_id").asText());
    }

    @Test
    void the_limits_rest_on_jettys_default_request_header_size_which_every_service_runs_with() {
        assertEquals(RequestLimits.UPSTREAM_HEAD_BYTES, new HttpConfiguration().getRequestHeaderSize());
    }

    /** A path of exactly {@code bytes}. */
    private static String path(String prefix, int bytes) {
        return prefix + "a".repeat(bytes - prefix.length());
    }

    @Test
    void a_request_line_over_the_limit_is_a_414_problem() throws Exception {
        RawHttp.Reply reply = get(gateway.port(), targetForLine("/api/x?q=", RequestLimits.REQUEST_LINE_BYTES + 1), "Host: x\r\n");
        assertProblem(reply, 414, RequestLimits.LINE_TOO_LONG);
    }

    @Test
    void a_path_over_the_limit_is_a_414_problem() throws Exception {
        RawHttp.Reply reply = get(gateway.port(), path("/api/", RequestLimits.PATH_BYTES + 1), "Host: x\r\n");
        assertProblem(reply, 414, RequestLimits.PATH_TOO_LONG);
    }

    @Test
    void a_3300_character_path_with_a_token_is_a_414_not_a_502() throws Exception {
        int before = service.requests.get();
        RawHttp.Reply reply = get(toService.port(), "/api/charters/" + "x".repeat(3300),
                "Host: x\r\nAuthorization: Bearer " + "t".repeat(1200) + "\r\n");
        assertProblem(reply, 414, RequestLimits.LINE_TOO_LONG);
        assertEquals(before, service.requests.get(), "refused before reaching the service");
    }

    @Test
    void a_7_kb_header_is_a_431_problem() throws Exception {
        RawHttp.Reply reply = get(toService.port(), "/api/x", "Host: x\r\nX-Big: " + "b".repeat(7 * 1024) + "\r\n");
        assertProblem(reply, 431, RequestLimits.HEADERS_TOO_LARGE);
    }

    @Test
    void headers_over_the_limit_together_are_a_431_problem() throws Exception {
        StringBuilder headers = new StringBuilder("Host: x\r\n");
        for (int i = 0; i < 40; i++) {
            headers.append("X-Part-").append(i).append(": ").append("v".repeat(80)).append("\r\n");
        }
        assertProblem(get(gateway.port(), "/api/x", headers.toString()), 431, RequestLimits.HEADERS_TOO_LARGE);
    }

    @Test
    void a_host_name_over_255_bytes_is_a_431_problem() throws Exception {
        assertProblem(get(gateway.port(), "/api/x", "Host: h" + HOST_255 + "\r\n"), 431, RequestLimits.HOST_TOO_LONG);
    }

    @Test
    void an_oversize_request_id_is_not_echoed_into_the_answer() throws Exception {
        RawHttp.Reply reply = get(gateway.port(), "/api/x", "Host: x\r\nX-Request-ID: " + "r".repeat(5000) + "\r\n");
        assertProblem(reply, 431, RequestLimits.HEADERS_TOO_LARGE);
        assertTrue(reply.headers().get("x-request-id").matches("[0-9a-f-]{36}"), reply.headers().get("x-request-id"));
    }

    @Test
    void heads_past_the_connectors_buffer_are_refused_by_jetty_as_414_and_431_problems() throws Exception {
        assertProblem(get(gateway.port(), "/api/" + "a".repeat(9000), "Host: x\r\n"), 414, RequestLimits.LINE_TOO_LONG);
        assertProblem(get(gateway.port(), "/api/x", "Host: x\r\nX-Big: " + "b".repeat(9000) + "\r\n"), 431, RequestLimits.HEADERS_TOO_LARGE);
    }

    @Test
    void a_path_at_the_limit_is_proxied_normally() throws Exception {
        String target = path("/api/items/", RequestLimits.PATH_BYTES);
        RawHttp.Reply reply = get(gateway.port(), target, "Host: x\r\nAuthorization: Bearer " + "t".repeat(1200) + "\r\n");
        assertEquals(200, reply.status(), reply.body());
        JsonNode seen = JSON.readTree(reply.body());
        assertEquals(target.substring("/api/items".length()), seen.get("path").asText());
        assertEquals("echo", seen.get("server").asText());
    }

    @Test
    void a_request_line_at_the_limit_with_a_2000_character_query_is_proxied_normally() throws Exception {
        String target = targetForLine("/api/items/7?q=", RequestLimits.REQUEST_LINE_BYTES);
        assertTrue(target.length() > 2000);
        RawHttp.Reply reply = get(gateway.port(), target, "Host: x\r\n");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(target.substring(target.indexOf('?') + 1), JSON.readTree(reply.body()).get("query").asText());
    }

    /** Every limit at its maximum at once, through an upstream with a service's 8 KiB head limit. */
    @Test
    void the_largest_head_the_gateway_accepts_fits_a_service() throws Exception {
        String target = targetForLine(path("/api/", RequestLimits.PATH_BYTES) + "?q=", RequestLimits.REQUEST_LINE_BYTES);
        String host = "Host: " + HOST_255 + "\r\n";
        String xff = "X-Forwarded-For: 203.0.113.1, 198.51.100.2\r\n";
        String connection = "Connection: close\r\n";
        int fill = RequestLimits.HEADER_BYTES - host.length() - xff.length() - connection.length() - "Authorization: \r\n".length();
        String headers = host + xff + "Authorization: " + "t".repeat(fill) + "\r\n";
        assertEquals(RequestLimits.HEADER_BYTES, (headers + connection).length());
        int before = service.requests.get();

        RawHttp.Reply reply = get(toService.port(), target, headers);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("path length " + (RequestLimits.PATH_BYTES - "/api".length()), reply.body());
        assertEquals(before + 1, service.requests.get());
    }

    @Test
    void a_head_that_would_outgrow_the_service_once_forwarded_is_a_431_problem_not_a_502() throws Exception {
        // The service path (5,000 bytes) lengthens the forwarded request line past what the
        // service accepts, though the client's request is within every limit.
        int before = service.requests.get();
        assertEquals(200, get(toService.port(), "/grow/x", "Host: x\r\n").status());
        RawHttp.Reply reply = get(toService.port(), targetForLine(path("/grow/", 1000) + "?q=", RequestLimits.REQUEST_LINE_BYTES), "Host: x\r\n");
        assertProblem(reply, 431, RequestLimits.FORWARD_TOO_LARGE);
        assertEquals(before + 1, service.requests.get(), "only the small request reached the service");
    }

    @Test
    void an_encoded_nul_in_the_path_is_a_400_problem_from_the_gateway() throws Exception {
        // Jetty refuses the request line before reading any header, so the id is always a new one.
        RawHttp.Reply reply = get(gateway.port(), "/api/items/%00", "Host: x\r\nX-Request-ID: nul-1\r\n");
        assertProblem(reply, 400, "The request is malformed: Illegal character in path");
        assertTrue(reply.headers().get("x-request-id").matches("[0-9a-f-]{36}"), reply.headers().get("x-request-id"));
        assertProblem(get(gateway.port(), "/api/items/a%00b", "Host: x\r\n"), 400, "The request is malformed: Illegal character in path");
    }
}
