package com.coachway.common.idempotency;

import com.coachway.common.http.ApiException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.common.idempotency.RequestKeyTable.CALLER;
import static com.coachway.common.idempotency.RequestKeyTable.CREATED_AT;
import static com.coachway.common.idempotency.RequestKeyTable.FINGERPRINT;
import static com.coachway.common.idempotency.RequestKeyTable.KEY;
import static com.coachway.common.idempotency.RequestKeyTable.OPERATION;
import static com.coachway.common.idempotency.RequestKeyTable.RESOURCE_ID;

/**
 * The Idempotency-Keys of a service's POSTs (per caller and operation) and the resource each made,
 * in {@code <schema>.request_key} (the table from request_key.sql.txt): each service keeps its
 * keys in its own schema. Use inside the transaction that makes the resource, after the lock that
 * serializes its kind: {@link #earlier} first (a retry answers that resource), {@link #remember}
 * last. A null key (the request sent none) is neither looked up nor stored.
 */
public final class RequestKeyStore {
    private final Table<Record> table;

    /** @param schema the service's schema, e.g. "sales" */
    public RequestKeyStore(String schema) {
        this.table = RequestKeyTable.in(Objects.requireNonNull(schema, "schema"));
    }

    /** The resource an earlier request under this key made; 409 when that request asked for something else. */
    public Optional<UUID> earlier(DSLContext tx, String caller, String operation, String key, String fingerprint) {
        if (key == null) return Optional.empty();
        var row = tx.select(FINGERPRINT, RESOURCE_ID).from(table)
                .where(CALLER.eq(caller), OPERATION.eq(operation), KEY.eq(key))
                .fetchOne();
        if (row == null) return Optional.empty();
        if (!row.value1().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different request");
        }
        return Optional.of(row.value2());
    }

    /**
     * Stores the key with what it made. A twin under the same key that committed first makes this
     * insert wait and then fail with a unique violation, rolling this transaction back; its retry
     * then finds the twin's answer through {@link #earlier}.
     */
    public void remember(DSLContext tx, String caller, String operation, String key, String fingerprint, UUID resourceId,
                         OffsetDateTime now) {
        if (key == null) return;
        tx.insertInto(table)
                .set(CALLER, caller)
                .set(OPERATION, operation)
                .set(KEY, key)
                .set(FINGERPRINT, fingerprint)
                .set(RESOURCE_ID, resourceId)
                .set(CREATED_AT, now)
                .execute();
    }
}
