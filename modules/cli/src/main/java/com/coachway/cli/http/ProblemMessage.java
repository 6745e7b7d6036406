package com.coachway.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** An error answer in one or a few readable lines: a problem+json's title, detail and field errors. */
public final class ProblemMessage {
    private static final int MAX_RAW = 300;

    public static String of(Gateway.Answer answer) {
        JsonNode problem = Json.treeOrNull(answer.body());
        var text = new StringBuilder();
        if (problem != null && problem.isObject() && (problem.hasNonNull("title") || problem.hasNonNull("detail"))) {
            String title = problem.path("title").asText("");
            String detail = problem.path("detail").asText("");
            text.append(title);
            if (!detail.isEmpty() && !detail.equals(title)) text.append(title.isEmpty() ? "" : ": ").append(detail);
            for (JsonNode error : problem.path("errors")) {
                text.append(System.lineSeparator()).append("  ")
                        .append(error.path("field").asText("?")).append(": ").append(error.path("message").asText(""));
            }
        } else if (problem != null && problem.hasNonNull("message")) {
            text.append(problem.get("message").asText()); // Kong's own answers, e.g. no route matched
        } else {
            String raw = new String(answer.body(), StandardCharsets.UTF_8).strip();
            text.append(raw.isEmpty() ? "no details" : raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + "..." : raw);
        }
        text.append(System.lineSeparator()).append("  (HTTP ").append(answer.status());
        if (problem != null && problem.hasNonNull("request_id")) {
            text.append(", request id ").append(problem.get("request_id").asText());
        }
        return text.append(')').toString();
    }

    private ProblemMessage() {
    }
}
