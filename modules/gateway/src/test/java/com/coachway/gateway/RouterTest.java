package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static Router router(String services) {
        return new Router(KongConfig.parse("_format_version: \"3.0\"\nservices:\n" + services, Path.of("test.yml")).services());
    }

    @Test
    void a_route_with_methods_outranks_a_longer_path_only_route_as_in_kong_3() {
        Router router = router("""
                  - name: s
                    url: http://s:8000
                    routes:
                      - name: long-path
                        paths: [/a/b]
                      - name: short-with-methods
                        paths: [/a]
                        methods: [GET]
                """);
        assertEquals("short-with-methods", router.match("GET", "/a/b/c").route().name());
        assertEquals("long-path", router.match("POST", "/a/b/c").route().name());
        assertNull(router.match("POST", "/a/c"));
    }

    @Test
    void among_equals_the_longest_path_wins_whatever_the_order() {
        Router router = router("""
                  - name: s
                    url: http://s:8000
                    routes:
                      - name: short
                        paths: [/a, /zzzzzz]
                      - name: long
                        paths: [/a/b]
                """);
        assertEquals("long", router.match("GET", "/a/b").route().name());
        assertEquals("short", router.match("GET", "/a/c").route().name());
        assertEquals("short", router.match("GET", "/zzzzzz/a/b").route().name());
    }
}
