package com.coachway.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A gateway on an ephemeral port serving src/test/resources/kong-test.yml, with the fixture's
 * hosts pointed at local echo servers: "echo" by host, the "echo-base" service by name (to a
 * second echo server), and "down-host" at a port nothing listens on.
 */
abstract class GatewayTestBase {
    static EchoUpstream echo;
    static EchoUpstream echoTwo;
    static Gateway gateway;
    /** Rate-limit windows count on this: 10 s into a minute, for as long as the tests take. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T08:00:10Z"), ZoneOffset.UTC);

    @BeforeAll
    static void startGateway() throws Exception {
        echo = new EchoUpstream("echo");
        echoTwo = new EchoUpstream("echo-two");
        gateway = Gateway.start(KongConfig.load(resource("kong-test.yml")),
                Map.of("echo", echo.uri(), "echo-base", echoTwo.uri(), "down-host", closedPort()), 0, CLOCK);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        echo.close();
        echoTwo.close();
    }

    static RequestSpecification client() {
        return given().baseUri("http://127.0.0.1").port(gateway.port()).urlEncodingEnabled(false);
    }

    static URI gatewayUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    /** What the echo upstream saw. */
    static JsonPath upstreamSaw(Response response) {
        return response.then().extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static String upstreamHeader(Response response, String name) {
        Map<String, List<String>> headers = upstreamSaw(response).getMap("headers");
        List<String> values = headers.get(name.toLowerCase());
        return values == null ? null : String.join(", ", values);
    }

    static Path resource(String name) throws Exception {
        URL url = GatewayTestBase.class.getClassLoader().getResource(name);
        return Path.of(url.toURI());
    }

    static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
