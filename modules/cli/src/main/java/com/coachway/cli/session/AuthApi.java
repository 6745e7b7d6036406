package com.coachway.cli.session;

import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import com.coachway.cli.http.Gateway;
import com.coachway.cli.http.Json;
import com.coachway.cli.http.ProblemMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** auth-service's session endpoints (openapi: /login, /refresh, /logout), through the gateway. */
final class AuthApi {
    static final String LOGIN = "/api/v1/auth/login";
    static final String REFRESH = "/api/v1/auth/refresh";
    static final String LOGOUT = "/api/v1/auth/logout";

    record Signed(String accessToken, String refreshToken, String email, List<String> roles) {
        @Override
        public String toString() {
            return "Signed[email=" + email + ", roles=" + roles + "]";
        }
    }

    private final Gateway gateway;

    AuthApi(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Wipes the password (and the request bytes holding it) once sent. */
    Signed login(String email, char[] password) {
        byte[] body = loginBody(email, password);
        Arrays.fill(password, '\0');
        Gateway.Answer answer;
        try {
            answer = gateway.postJson(LOGIN, body, null);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        if (answer.status() == 401) {
            throw new CliFailure(ExitCodes.NOT_LOGGED_IN, "login refused: " + ProblemMessage.of(answer));
        }
        if (!answer.ok()) throw new CliFailure(ExitCodes.FAILED, "login failed: " + ProblemMessage.of(answer));
        return signed(answer, email);
    }

    /** The new pair, or empty when the refresh token is spent, revoked or expired. */
    Optional<Signed> refresh(String refreshToken) {
        var answer = gateway.postJson(REFRESH, tokenBody(refreshToken), null);
        if (answer.status() == 400 || answer.status() == 401) return Optional.empty();
        if (!answer.ok()) throw new CliFailure(ExitCodes.FAILED, "session refresh failed: " + ProblemMessage.of(answer));
        return Optional.of(signed(answer, null));
    }

    /** @return null when auth-service ended the session, else what went wrong */
    String logout(String refreshToken) {
        var answer = gateway.postJson(LOGOUT, tokenBody(refreshToken), null);
        return answer.ok() ? null : ProblemMessage.of(answer);
    }

    private static Signed signed(Gateway.Answer answer, String email) {
        JsonNode json = Json.treeOrNull(answer.body());
        if (json == null || !json.path("access_token").isTextual()) {
            throw new CliFailure(ExitCodes.FAILED, "auth-service answered without an access token (HTTP "
                    + answer.status() + ")");
        }
        var roles = new ArrayList<String>();
        json.path("user").path("roles").forEach(role -> roles.add(role.asText()));
        String refresh = json.path("refresh_token").isTextual() ? json.get("refresh_token").asText() : null;
        return new Signed(json.get("access_token").asText(), refresh,
                json.path("user").path("email").asText(email), roles);
    }

    private static byte[] loginBody(String email, char[] password) {
        var bytes = new ByteArrayOutputStream();
        try (var json = Json.MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("email", email);
            json.writeFieldName("password");
            json.writeString(password, 0, password.length);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] tokenBody(String refreshToken) {
        return Json.MAPPER.createObjectNode().put("refresh_token", refreshToken).toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
