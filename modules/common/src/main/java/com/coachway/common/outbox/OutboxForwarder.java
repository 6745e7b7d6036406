package com.coachway.common.outbox;

import com.coachway.common.client.ServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an event to a neighbour as it is: its payload (already in the receiver's shape) POSTed
 * to one path, with the outbox event id as the Idempotency-Key, so a redelivery is recognised by
 * the receiver and changes nothing. Any failure throws and the worker tries again later. For
 * receivers that take the event whole; a handler that must translate or decide writes its own.
 */
public final class OutboxForwarder implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(OutboxForwarder.class);

    private final ServiceClient target;
    private final String path;

    private OutboxForwarder(ServiceClient target, String path) {
        this.target = target;
        this.path = path;
    }

    public static OutboxForwarder to(ServiceClient target, String path) {
        return new OutboxForwarder(target, path);
    }

    @Override
    public void handle(OutboxEvent event) {
        JsonNode answer = target.post(path, event.payload(), JsonNode.class, event.id().toString());
        log.info("{} event {} delivered to {}: {}", event.topic(), event.id(), path,
                answer == null ? null : answer.path("status").asText(null));
    }
}
