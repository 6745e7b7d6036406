package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong 3's v0 path joining and path normalization, case by case. */
class UpstreamPathTest {

    @ParameterizedTest(name = "service {0}, route {1}, strip {2}: {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            /          | /api      | true  | /api          | /
            /          | /api      | true  | /api/         | /
            /          | /api      | true  | /api/users    | /users
            /          | /api      | true  | /apix         | /x
            /          | /api      | false | /api/users    | /api/users
            /          | /api/     | true  | /api/users    | /users
            /login     | /in       | true  | /in           | /login
            /login     | /in       | true  | /in/          | /login/
            /login     | /in       | true  | /in/x         | /login/x
            /login     | /in       | true  | /inx          | /login/x
            /login     | /in       | false | /in/x         | /login/in/x
            /base/     | /in       | true  | /in           | /base
            /base/     | /in       | true  | /in/          | /base/
            /base/     | /in       | true  | /in/x         | /base/x
            /base/     | /in       | false | /in/x         | /base/in/x
            /base      | /         | true  | /             | /base
            /base      | /         | true  | /x            | /base/x
            /base      | /in       | true  | /in./x        | /base/x
            /base      | /in       | true  | /in../x       | /base/x
            /base      | /in       | false | /in./x        | /base/in./x
            """)
    void joins_the_service_path_and_the_request_path(String servicePath, String routePath, boolean strip,
                                                    String requestPath, String expected) {
        String prefix = strip ? routePath : "/";
        assertEquals(expected, UpstreamPath.join(UpstreamPath.normalize(requestPath), prefix, strip, servicePath));
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
