package com.coachway.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayUrlTest {
    @Test
    void urls_that_name_the_same_gateway_compare_equal() {
        assertEquals(GatewayUrl.parse("http://localhost:8080"), GatewayUrl.parse("HTTP://LocalHost:8080/"));
        assertEquals("https://coachway.example.com/edge", GatewayUrl.parse(" https://coachway.example.com/edge// ").value());
    }

    @Test
    void a_public_path_is_appended_to_the_base() {
        assertEquals("http://localhost:8080/api/v1/auth/login",
                GatewayUrl.parse("http://localhost:8080/").resolve("/api/v1/auth/login").toString());
    }

    @Test
    void anything_but_a_plain_http_or_https_base_url_is_refused() {
        for (String bad : List.of("localhost:8080", "ftp://example.com", "http://", "not a url",
                "http://user:pw@example.com", "http://example.com/?x=1", "http://example.com/#top")) {
            assertThrows(IllegalArgumentException.class, () -> GatewayUrl.parse(bad), bad);
        }
    }
}
