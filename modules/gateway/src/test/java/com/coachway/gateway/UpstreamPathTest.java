package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong 3's v0 path joining (for strip_path: true) and path normalization, case by case. */
class UpstreamPathTest {

    @ParameterizedTest(name = "service {0}, route {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            /          | /api      | /api          | /
            /          | /api      | /api/         | /
            /          | /api      | /api/users    | /users
            /          | /api      | /apix         | /x
            /          | /api/     | /api/users    | /users
            /login     | /in       | /in           | /login
            /login     | /in       | /in/          | /login/
            /login     | /in       | /in/x         | /login/x
            /login     | /in       | /inx          | /login/x
            /base      | /         | /             | /base
            /base      | /         | /x            | /base/x
            /base      | /in       | /in./x        | /base/x
            /base      | /in       | /in../x       | /base/x
            """)
    void strips_the_route_path_and_joins_the_rest_to_the_service_path(String servicePath, String routePath,
                                                                     String requestPath, String expected) {
        assertEquals(expected, UpstreamPath.join(UpstreamPath.normalize(requestPath), routePath, servicePath));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /a/b           | /a/b
            /a/./b         | /a/b
            /a/../b        | /b
            /../b          | /b
            /a//b          | /a/b
            /a//../b       | /b
            /a/%2e%2E/b    | /b
            /%7Euser/%41   | /~user/A
            /a%2fb         | /a%2Fb
            /a%20b         | /a%20b
            /route%2E/req  | /route./req
            """)
    void normalizes_like_kong(String raw, String normalized) {
        assertEquals(normalized, UpstreamPath.normalize(raw));
    }
}
