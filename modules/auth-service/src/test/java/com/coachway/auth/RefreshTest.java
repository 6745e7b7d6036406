package com.coachway.auth;

import com.coachway.testkit.Together;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshTest {
    AuthFixture auth;
    String email;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        email = AuthFixture.uniqueEmail("dispatcher");
        auth.createUser(auth.adminToken(), email, List.of("dispatcher"), Map.of());
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private Response refresh(String token) {
        return auth.svc.api().contentType("application/json").body(Map.of("refresh_token", token)).post("/refresh");
    }

    @Test
    void refreshing_rotates_the_pair_and_the_new_access_token_works() {
        Response login = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response next = refresh(login.path("refresh_token"));
        next.then().statusCode(200).body("user.email", equalTo(email)).body("token_type", equalTo("bearer"));
        assertNotEquals(login.<String>path("refresh_token"), next.<String>path("refresh_token"));
        auth.svc.api().auth().oauth2(next.path("access_token")).get("/me").then().statusCode(200);
        // and the chain goes on
        refresh(next.path("refresh_token")).then().statusCode(200);
    }

    @Test
    void a_reused_refresh_token_revokes_the_whole_family() {
        Response login = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String first = login.path("refresh_token");
        Response rotated = refresh(first);
        rotated.then().statusCode(200);

        refresh(first).then().statusCode(401).contentType("application/problem+json");
        // the thief's replay ended the session: the legitimate successor is dead too, and so are its access tokens
        refresh(rotated.path("refresh_token")).then().statusCode(401);
        auth.svc.api().auth().oauth2(rotated.path("access_token")).get("/me").then().statusCode(401);
        auth.svc.api().auth().oauth2(login.path("access_token")).get("/me").then().statusCode(401);
        // other sessions of the same user are unaffected
        auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
    }

    @Test
    void logout_ends_the_session_for_refresh_and_access_tokens() {
        Response login = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        auth.svc.api().contentType("application/json").body(Map.of("refresh_token", login.path("refresh_token")))
                .post("/logout").then().statusCode(204);
        refresh(login.path("refresh_token")).then().statusCode(401);
        auth.svc.api().auth().oauth2(login.path("access_token")).get("/me").then().statusCode(401);
        // logging out twice, or with an unknown token, is still fine
        auth.svc.api().contentType("application/json").body(Map.of("refresh_token", "unknown-token"))
                .post("/logout").then().statusCode(204);
    }

    @Test
    void unknown_or_malformed_refresh_requests_are_refused() {
        refresh("no-such-token").then().statusCode(401);
        for (String body : List.of("{}", "{\"refresh_token\":7}", "{\"refresh_token\":\"\"}", "nope",
                "{\"refresh_token\":\"" + "x".repeat(500) + "\"}")) {
            auth.svc.raw().contentType("application/json").body(body).post("/refresh").then().statusCode(400);
        }
    }

    @Test
    void two_concurrent_refreshes_of_one_token_let_exactly_one_through() throws Exception {
        String token = auth.loginOk(email, AuthFixture.GOOD_PASSWORD).path("refresh_token");
        List<Integer> codes = new ArrayList<>(Together.run(2, i -> refresh(token).statusCode()));
        codes.sort(Integer::compare);
        assertEquals(List.of(200, 401), codes);
    }
}
