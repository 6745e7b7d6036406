package com.coachway.notification;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.util.Map;

/**
 * SendGrid's v3 Mail Send as its API documents it: {@code POST /v3/mail/send} with a bearer API
 * key and the mail as JSON; 202 with an empty body and {@code X-Message-Id} when accepted,
 * {@code {"errors":[{"message","field","help"}]}} when not. Deliveries count per notification
 * (the {@code notification_id} custom arg the service sends).
 */
final class FakeSendGrid extends FakeProvider {
    static final String API_KEY = "SG.test-key";

    FakeSendGrid() {
        super("/v3/mail/send");
    }

    @Override
    String[] parse(HttpExchange exchange, String body) {
        if (!"POST".equals(exchange.getRequestMethod())) return null;
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) return null;
        try {
            JsonNode mail = Json.MAPPER.readTree(body);
            String to = mail.path("personalizations").path(0).path("to").path(0).path("email").asText();
            String id = mail.path("custom_args").path("notification_id").asText();
            if (to.isEmpty() || mail.path("from").path("email").asText().isEmpty() || mail.path("content").path(0).path("value").asText().isEmpty()) return null;
            return new String[]{to, id};
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    Reply success(String[] request) {
        return new Reply(202, Map.of("X-Message-Id", "sg-" + nextId()), null);
    }

    static Reply error(int status, String message) {
        return new Reply(status, Map.of(), "{\"errors\":[{\"message\":\"" + message + "\",\"field\":null,\"help\":null}]}");
    }
}
