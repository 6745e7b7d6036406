package com.coachway.auth;

import com.coachway.testkit.Rows;
import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an administrator's change to a user does to that user's sessions, and what it must refuse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserChangesTest {
    AuthFixture auth;
    String admin;

    @BeforeAll
    void start() {
        auth = new AuthFixture();
        admin = auth.adminToken();
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    private Response patch(String token, String id, Map<String, Object> body) {
        return auth.svc.raw().auth().oauth2(token).contentType("application/json").body(body).patch("/users/" + id);
    }

    private int version(String id) {
        return auth.svc.api().auth().oauth2(admin).get("/users/" + id).path("version");
    }

    private void sessionWorks(Response session, boolean works) {
        auth.svc.api().auth().oauth2(session.<String>path("access_token")).get("/me").then().statusCode(works ? 200 : 401);
        auth.svc.api().contentType("application/json").body(Map.of("refresh_token", session.path("refresh_token")))
                .post("/refresh").then().statusCode(works ? 200 : 401);
    }

    @Test
    void changing_roles_password_or_activity_ends_the_users_sessions_and_a_name_change_does_not() {
        String email = AuthFixture.uniqueEmail("changed");
        String id = auth.createUser(admin, email, List.of("sales_agent"), Map.of());

        Response renamed = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        patch(admin, id, Map.of("version", version(id), "full_name", "Renamed Agent")).then().statusCode(200);
        sessionWorks(renamed, true);

        Response beforeRoles = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        patch(admin, id, Map.of("version", version(id), "roles", List.of("sales_agent", "dispatcher"))).then().statusCode(200);
        sessionWorks(beforeRoles, false);
        auth.loginOk(email, AuthFixture.GOOD_PASSWORD).then().body("user.roles", equalTo(List.of("dispatcher", "sales_agent")));

        Response beforePassword = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        patch(admin, id, Map.of("version", version(id), "password", "Reset-By-Admin-77")).then().statusCode(200);
        sessionWorks(beforePassword, false);
        assertEquals(401, auth.login(email, AuthFixture.GOOD_PASSWORD).statusCode());
        Response afterReset = auth.loginOk(email, "Reset-By-Admin-77");

        patch(admin, id, Map.of("version", version(id), "active", false)).then().statusCode(200).body("active", equalTo(false));
        sessionWorks(afterReset, false);
        assertEquals(401, auth.login(email, "Reset-By-Admin-77").statusCode());

        patch(admin, id, Map.of("version", version(id), "active", true)).then().statusCode(200);
        auth.loginOk(email, "Reset-By-Admin-77");
    }

    @Test
    void changing_to_an_email_another_user_has_is_409_and_writes_nothing() {
        String taken = AuthFixture.uniqueEmail("taken");
        auth.createUser(admin, taken, List.of("dispatcher"), Map.of());
        String email = AuthFixture.uniqueEmail("mover");
        String id = auth.createUser(admin, email, List.of("dispatcher"), Map.of());

        patch(admin, id, Map.of("version", 1, "email", taken.toUpperCase(), "full_name", "Should Not Stick"))
                .then().statusCode(409).body("detail", containsString("already exists"));
        auth.svc.api().auth().oauth2(admin).get("/users/" + id).then()
                .body("email", equalTo(email)).body("version", equalTo(1)).body("full_name", equalTo("Test [dispatcher]"));
    }

    @Test
    void two_admins_demoting_each_other_at_once_leave_one_admin() throws Exception {
        // The bootstrap admin and one more are the only admins: whichever change lands first makes
        // the other one the last admin, so exactly one of the two may succeed.
        String otherEmail = AuthFixture.uniqueEmail("admin2");
        String other = auth.createUser(admin, otherEmail, List.of("admin"), Map.of());
        String otherToken = auth.loginOk(otherEmail, AuthFixture.GOOD_PASSWORD).path("access_token");
        String me = auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD).path("user.id");
        String myToken = auth.adminToken();
        int myVersion = version(me);
        int otherVersion = version(other);

        List<Response> answers = Together.run(List.<Callable<Response>>of(
                () -> patch(myToken, other, Map.of("version", otherVersion, "roles", List.of("manager"))),
                () -> patch(otherToken, me, Map.of("version", myVersion, "roles", List.of("manager")))));
        List<Integer> codes = answers.stream().map(Response::statusCode).toList();

        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "exactly one demotion lands: " + codes);
        // The other is refused as the last admin (not as a deadlock victim), or, if it arrived after
        // the first committed, because the first ended its sessions.
        for (Response loser : answers) {
            if (loser.statusCode() == 200) continue;
            assertTrue(loser.statusCode() == 401 || (loser.statusCode() == 409 && loser.asString().contains("last active admin")),
                    loser.statusCode() + " " + loser.asString());
        }
        assertEquals(1L, scalar(Long.class, "select count(*) from auth.users u join auth.user_roles r on r.user_id = u.id "
                + "where r.role_name = 'admin' and u.active"));
        // Whoever lost the admin role gets it back, so the other tests keep their bootstrap admin.
        String survivor = auth.loginOk(AuthFixture.ADMIN_EMAIL, AuthFixture.ADMIN_PASSWORD).<List<String>>path("user.roles").contains("admin")
                ? auth.adminToken() : auth.loginOk(otherEmail, AuthFixture.GOOD_PASSWORD).path("access_token");
        String demoted = codes.get(0) == 200 ? other : me;
        int demotedVersion = auth.svc.api().auth().oauth2(survivor).get("/users/" + demoted).path("version");
        patch(survivor, demoted, Map.of("version", demotedVersion, "roles", List.of("admin"))).then().statusCode(200);
        admin = auth.adminToken();
    }

    @Test
    void passwords_and_refresh_tokens_are_stored_only_as_hashes() {
        String email = AuthFixture.uniqueEmail("stored");
        String id = auth.createUser(admin, email, List.of("accountant"), Map.of());
        Response session = auth.loginOk(email, AuthFixture.GOOD_PASSWORD);
        String refresh = session.path("refresh_token");

        String hash = scalar(String.class, "select password_hash from auth.users where id = '" + id + "'");
        assertTrue(hash.startsWith("$2"), "a bcrypt hash: " + hash.substring(0, 4));
        assertFalse(hash.contains(AuthFixture.GOOD_PASSWORD));
        assertEquals(0L, scalar(Long.class, "select count(*) from auth.refresh_tokens where token_hash = '" + refresh.replace("'", "''") + "'"));
        assertEquals(1L, scalar(Long.class, "select count(*) from auth.refresh_tokens where user_id = '" + id + "' and revoked_at is null"));
        var expires = scalar(OffsetDateTime.class, "select expires_at from auth.refresh_tokens where user_id = '" + id + "'");
        long days = java.time.Duration.between(OffsetDateTime.now(), expires).toDays();
        assertTrue(days >= 29 && days <= 30, "a refresh token lives 30 days, this one " + days);
    }

    private <T> T scalar(Class<T> type, String sql) {
        return Rows.scalar(auth.svc.databaseUrl(), type, sql);
    }
}
