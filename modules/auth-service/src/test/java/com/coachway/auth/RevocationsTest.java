package com.coachway.auth;

import com.coachway.testkit.Rows;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /revocations: the sessions other services must stop honouring, polled with a service token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationsTest {
    AuthFixture auth;
    String admin;
    String service;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        admin = auth.adminToken();
        service = auth.svc.api().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials", "client_id", AuthFixture.SERVICE_ID,
                        "client_secret", AuthFixture.SERVICE_SECRET))
                .post("/token").then().statusCode(200).extract().path("access_token");
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private Response revocations(String token, String since) {
        var request = auth.svc.api().auth().oauth2(token);
        if (since != null) request = request.queryParam("since", since);
        Response r = request.get("/revocations");
        assertEquals(200, r.statusCode(), r::asString);
        return r;
    }

    /** The answer's session ids, checking each appears at most once. */
    private List<String> sessionIds(Response r) {
        List<String> ids = r.path("items.session_id");
        assertEquals(ids.size(), ids.stream().distinct().count(), () -> "a session listed twice: " + r.asString());
        return ids;
    }

    /** The session ids of one user's sessions in the answer. */
    private List<String> sessionIdsOf(Response r, String userId) {
        sessionIds(r);
        List<Map<String, String>> items = r.path("items");
        return items.stream()
                .filter(i -> userId.equals(i.get("user_id"))).map(i -> i.get("session_id")).toList();
    }

    /** The sid claim of an access token (its payload, not verified: auth-service issued it). */
    private static String sid(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sid");
    }

    private String newUser(String prefix) {
        String email = AuthFixture.uniqueEmail(prefix);
        auth.createUser(admin, email, List.of("dispatcher"), Map.of());
        return email;
    }

    private void logout(Response login) {
        auth.svc.api().contentType("application/json").body(Map.of("refresh_token", login.path("refresh_token")))
                .post("/logout").then().statusCode(204);
    }

    @Test
    void a_signed_out_session_is_listed_with_its_user_and_time_and_a_live_one_is_not() {
        String email = newUser("logout");
        Response out = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response live = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String before = revocations(service, null).path("until");

        logout(out);

        Response r = revocations(service, before);
        String sid = sid(out.path("access_token"));
        assertEquals(List.of(sid), sessionIds(r));
        assertEquals(out.<String>path("user.id"), r.path("items[0].user_id"));
        Instant revokedAt = Instant.parse(r.path("items[0].revoked_at"));
        assertTrue(revokedAt.isAfter(Instant.parse(before)), "revoked_at " + revokedAt + " after " + before);
        assertFalse(Instant.parse(r.<String>path("until")).isBefore(revokedAt));
        assertFalse(sessionIds(revocations(service, before)).contains(sid(live.path("access_token"))));
    }

    @Test
    void deactivating_a_user_lists_every_session_of_theirs() {
        String email = newUser("deactivated");
        Response one = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response two = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String before = revocations(service, null).path("until");

        auth.svc.api().auth().oauth2(admin).delete("/users/" + one.path("user.id")).then().statusCode(204);

        var ids = sessionIdsOf(revocations(service, before), one.path("user.id"));
        assertEquals(2, ids.size(), ids::toString);
        assertTrue(ids.containsAll(List.of(sid(one.path("access_token")), sid(two.path("access_token")))), ids::toString);
    }

    @Test
    void changing_ones_password_lists_the_other_sessions_but_not_the_current_one() {
        String email = newUser("password");
        Response current = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response other = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String before = revocations(service, null).path("until");

        auth.svc.api().auth().oauth2(current.path("access_token")).contentType("application/json")
                .body(Map.of("current_password", AuthFixture.GOOD_PASSWORD, "new_password", "Another-Horse-43"))
                .post("/me/password").then().statusCode(204);

        assertEquals(List.of(sid(other.path("access_token"))), sessionIdsOf(revocations(service, before), current.path("user.id")));
    }

    @Test
    void rotation_is_not_a_revocation_but_a_rotated_session_that_is_signed_out_is_listed_once() {
        String email = newUser("rotation");
        Response login = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String sid = sid(login.path("access_token"));
        String before = revocations(service, null).path("until");

        Response next = auth.svc.api().contentType("application/json").body(Map.of("refresh_token", login.path("refresh_token")))
                .post("/refresh");
        next.then().statusCode(200);
        Response third = auth.svc.api().contentType("application/json").body(Map.of("refresh_token", next.path("refresh_token")))
                .post("/refresh");
        third.then().statusCode(200);
        assertEquals(sid, sid(third.path("access_token")));
        assertFalse(sessionIds(revocations(service, before)).contains(sid));

        logout(third);

        assertEquals(1, sessionIds(revocations(service, before)).stream().filter(sid::equals).count());
    }

    @Test
    void since_leaves_out_what_was_revoked_before_it() {
        String email = newUser("since");
        Response first = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response second = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        logout(first);
        String between = revocations(service, null).path("until");
        logout(second);

        var ids = sessionIds(revocations(service, between));
        assertTrue(ids.contains(sid(second.path("access_token"))), ids::toString);
        assertFalse(ids.contains(sid(first.path("access_token"))), ids::toString);
        // an offset other than Z is the same instant
        String sameInstant = OffsetDateTime.parse(between).withOffsetSameInstant(ZoneOffset.ofHours(-5)).toString();
        assertEquals(ids, sessionIds(revocations(service, sameInstant)));
    }

    @Test
    void without_since_or_with_an_old_one_the_answer_covers_only_the_last_twenty_minutes() throws Exception {
        String email = newUser("window");
        Response recent = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        Response old = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        logout(recent);
        logout(old);
        String oldSid = sid(old.path("access_token"));
        assertEquals(1, Rows.execute(auth.svc.databaseUrl(),
                "update auth.refresh_tokens set revoked_at = now() - interval '21 minutes' where family_id = ?", UUID.fromString(oldSid)));

        for (String since : new String[]{null, "2000-01-01T00:00:00Z"}) {
            var ids = sessionIds(revocations(service, since));
            assertTrue(ids.contains(sid(recent.path("access_token"))), ids::toString);
            assertFalse(ids.contains(oldSid), ids::toString);
        }
    }

    @Test
    void an_admin_may_ask_too() {
        revocations(admin, null).then().body("until", notNullValue());
    }

    @Test
    void other_roles_get_403_and_no_token_401() {
        String email = newUser("nosy");
        String dispatcher = auth.loginOk(email, AuthFixture.GOOD_PASSWORD).path("access_token");
        auth.svc.api().auth().oauth2(dispatcher).get("/revocations").then().statusCode(403)
                .contentType("application/problem+json");
        auth.svc.api().get("/revocations").then().statusCode(401).contentType("application/problem+json");
        auth.svc.api().auth().oauth2("not-a-token").get("/revocations").then().statusCode(401);
    }

    @Test
    void a_since_that_is_not_an_instant_is_a_400_naming_the_field() {
        for (String since : List.of("yesterday", "2026-05-01", "2026-05-01T08:00:00", "2026-13-01T08:00:00Z",
                "2026-05-01T08:00:00Z" + "0".repeat(80))) {
            auth.svc.raw().auth().oauth2(service).queryParam("since", since).get("/revocations").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("since"));
        }
    }
}
