package com.coachway.notification;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Twilio's Messages API as it documents it: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * HTTP basic auth with the account SID and auth token, a form-encoded {@code To}, {@code From},
 * {@code Body}; 201 with the message's JSON (its {@code sid}) when accepted, and
 * {@code {"code","message","more_info","status"}} when not. Deliveries count per To and Body.
 */
final class FakeTwilio extends FakeProvider {
    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "test-auth-token";
    static final String FROM = "+16175550000";

    FakeTwilio() {
        super("/2010-04-01/Accounts/");
    }

    @Override
    String[] parse(HttpExchange exchange, String body) {
        if (!"POST".equals(exchange.getRequestMethod())) return null;
        if (!exchange.getRequestURI().getPath().equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")) return null;
        String auth = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!auth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) return null;
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) return null;
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (!FROM.equals(form.get("From")) || form.get("To") == null || form.get("Body") == null) return null;
        return new String[]{form.get("To"), form.get("To") + "|" + form.get("Body")};
    }

    @Override
    Reply success(String[] request) {
        String sid = "SM" + "0".repeat(26) + nextId();
        return new Reply(201, Map.of(), "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID + "\",\"to\":\"" + request[0]
                + "\",\"from\":\"" + FROM + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"direction\":\"outbound-api\","
                + "\"api_version\":\"2010-04-01\",\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json\"}");
    }

    static Reply error(int status, int code, String message) {
        return new Reply(status, Map.of(), "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}");
    }
}
