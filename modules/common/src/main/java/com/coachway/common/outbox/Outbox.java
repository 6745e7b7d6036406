package com.coachway.common.outbox;

import com.coachway.common.http.Ids;
import com.coachway.common.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.coachway.common.outbox.OutboxTable.ATTEMPTS;
import static com.coachway.common.outbox.OutboxTable.DELIVERED;
import static com.coachway.common.outbox.OutboxTable.DELIVERED_AT;
import static com.coachway.common.outbox.OutboxTable.ID;
import static com.coachway.common.outbox.OutboxTable.PAYLOAD;
import static com.coachway.common.outbox.OutboxTable.PENDING;
import static com.coachway.common.outbox.OutboxTable.STATUS;
import static com.coachway.common.outbox.OutboxTable.TOPIC;

/**
 * The transactional outbox of one service schema: a side effect that must not be lost (a
 * notification, an event for another service) is written as a row of {@code <schema>.outbox}
 * in the same transaction as the change that causes it, so both happen or neither does.
 * An {@link OutboxWorker} delivers it afterwards. The table comes from outbox.sql.txt.
 *
 * <pre>{@code
 * dsl.transactionResult(c -> {
 *     var charter = store.book(c.dsl(), id);
 *     outbox.enqueue(c.dsl(), "charter.booked", new CharterBooked(charter.id(), charter.clientId()));
 *     return charter;
 * });
 * }</pre>
 */
public final class Outbox {
    private static final Pattern TOPIC_SHAPE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");

    private final String schema;
    private final Table<Record> table;

    public Outbox(String schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.table = OutboxTable.in(schema);
    }

    public String schema() {
        return schema;
    }

    Table<Record> table() {
        return table;
    }

    /**
     * Writes an event for {@code topic} with {@code payload} (any value {@link Json#MAPPER} can
     * write), due at once, and returns its id. Pass the transaction's own DSLContext
     * ({@code c.dsl()}): with the outer one the row commits even if the change rolls back.
     */
    public UUID enqueue(DSLContext txDsl, String topic, Object payload) {
        Objects.requireNonNull(txDsl, "txDsl");
        if (topic == null || !TOPIC_SHAPE.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must be lower-case letters, digits, '.', '_' or '-', got " + topic);
        }
        Objects.requireNonNull(payload, "payload");
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload for " + topic + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        UUID id = Ids.newId();
        txDsl.insertInto(table)
                .columns(ID, TOPIC, PAYLOAD, STATUS, ATTEMPTS)
                .values(id, topic, JSONB.jsonb(json), PENDING, 0)
                .execute();
        return id;
    }

    /** Deletes delivered rows older than {@code age}; failed and pending rows are never purged. */
    public int purgeDelivered(DSLContext dsl, Duration age) {
        return dsl.deleteFrom(table)
                .where(STATUS.eq(DELIVERED))
                .and(DELIVERED_AT.lt(OutboxTable.clockNowPlusMillis(-age.toMillis())))
                .execute();
    }
}
