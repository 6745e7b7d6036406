package com.coachway.common.outbox;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One outbox row being delivered. {@code id} is stable across retries: pass it on as the
 * Idempotency-Key (or event id) so the receiver can ignore a redelivery. {@code attempt} counts
 * from 1.
 */
public record OutboxEvent(UUID id, String topic, JsonNode payload, int attempt, OffsetDateTime createdAt) {

    /**
     * The payload as the type it was enqueued as. Unknown fields are ignored, so rows written by
     * an older or newer version of the service still deliver.
     */
    public <T> T payloadAs(Class<T> type) {
        try {
            return Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox event " + id + " (" + topic + ") payload is not a " + type.getSimpleName(), e);
        }
    }
}
