package com.coachway.sales.idempotency;

import com.coachway.common.http.ApiException;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.sales.Tables.REQUEST_KEY;

/**
 * The Idempotency-Keys of campaign POSTs (per caller and operation) and the campaign each made
 * (as finance-service keeps its own: each service keeps its keys in its own schema). Use
 * inside the transaction that makes the resource, after the lock that serializes its kind:
 * {@link #earlier} first (a retry answers that resource), {@link #remember} last.
 */
public final class RequestKeyStore {
    /** The resource an earlier request under this key made; 409 when that request asked for something else. */
    public Optional<UUID> earlier(DSLContext tx, String caller, String operation, String key, String fingerprint) {
        if (key == null) return Optional.empty();
        var row = tx.selectFrom(REQUEST_KEY)
                .where(REQUEST_KEY.CALLER.eq(caller), REQUEST_KEY.OPERATION.eq(operation), REQUEST_KEY.KEY.eq(key))
                .fetchOne();
        if (row == null) return Optional.empty();
        if (!row.getFingerprint().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different request");
        }
        return Optional.of(row.getResourceId());
    }

    /**
     * Stores the key with what it made. A twin under the same key that committed first makes this
     * insert wait and then fail with a unique violation, rolling this transaction back; its retry
     * then finds the twin's answer through {@link #earlier}.
     */
    public void remember(DSLContext tx, String caller, String operation, String key, String fingerprint, UUID resourceId,
                         OffsetDateTime now) {
        if (key == null) return;
        tx.insertInto(REQUEST_KEY)
                .set(REQUEST_KEY.CALLER, caller)
                .set(REQUEST_KEY.OPERATION, operation)
                .set(REQUEST_KEY.KEY, key)
                .set(REQUEST_KEY.FINGERPRINT, fingerprint)
                .set(REQUEST_KEY.RESOURCE_ID, resourceId)
                .set(REQUEST_KEY.CREATED_AT, now)
                .execute();
    }
}
