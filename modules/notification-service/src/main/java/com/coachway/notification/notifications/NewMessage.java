package com.coachway.notification.notifications;

import com.fasterxml.jackson.databind.JsonNode;

/** A message to queue: from a template and its data, or with its own subject and body. */
public record NewMessage(String channel, String to, String templateCode, JsonNode data, String subject, String body) {
    public boolean fromTemplate() {
        return templateCode != null;
    }
}
