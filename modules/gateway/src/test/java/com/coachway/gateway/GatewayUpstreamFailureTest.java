package com.coachway.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.response.Response;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayUpstreamFailureTest extends GatewayTestBase {

    @Test
    void an_upstream_that_refuses_connections_is_a_502_problem() {
        Response r = client().get("/down/anything");
        r.then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Gateway"))
                .body("status", equalTo(502))
                .body("detail", equalTo("An invalid response was received from the upstream server"));
        assertEquals(r.header("X-Request-ID"), r.jsonPath().getString("request_id"));
        assertFalse(r.asString().contains("Exception"), "no internals in the body");
    }

    @Test
    void an_upstream_slower_than_read_timeout_is_a_504_problem() {
        // The upstream would answer 200 after 10 s: a 504 well before that is the 300 ms read
        // timeout (the wide margin keeps a loaded machine from failing the test).
        client().header("X-Echo-Delay-Ms", "10000").get("/slow/report")
                .then().statusCode(504)
                .time(lessThan(8000L), TimeUnit.MILLISECONDS)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", equalTo("The upstream server is timing out"));
    }

    @Test
    void an_upstream_within_read_timeout_is_fine() {
        client().header("X-Echo-Delay-Ms", "50").get("/slow/report").then().statusCode(200);
    }

    @Test
    void a_malformed_request_is_a_400_problem_without_internals() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(gateway.port(), "GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.headers().get("content-type"));
    }
}
