package com.coachway.changemgmt.audit;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;

/** The audit trail's use cases: append once per event id, and read. */
public final class AuditActions {
    private static final Logger log = LoggerFactory.getLogger(AuditActions.class);
    public static final String RECORDED = "recorded";
    public static final String DUPLICATE = "duplicate";

    private final DSLContext dsl;
    private final AuditStore store;
    private final Clock clock;

    public AuditActions(DSLContext dsl, AuditStore store, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.clock = clock;
    }

    public record Receipt(java.util.UUID id, String status) {
    }

    /**
     * The event as posted, under its producer's event id; a second post of that id changes nothing.
     * A service writes only in its own name (the actor is its word: it acts for its users).
     */
    public Receipt record(Caller caller, AuditEvent posted) {
        AuditRules.refusal(caller.subject(), posted.service()).ifPresent(why -> {
            log.warn("audit event {} refused: {} posted it as {}", posted.id(), caller.subject(), posted.service());
            throw ApiException.forbidden(why);
        });
        var e = new AuditEvent(posted.id(), posted.service(), posted.action(), posted.entityType(), posted.entityId(), posted.actor(),
                posted.occurredAt(), posted.from(), posted.to(), posted.details(), OffsetDateTime.now(clock));
        boolean first = store.insert(dsl, e);
        log.info("audit event {} {} on {} {} from {}: {}", e.id(), e.action(), e.entityType(), e.entityId(), e.service(),
                first ? RECORDED : DUPLICATE);
        return new Receipt(e.id(), first ? RECORDED : DUPLICATE);
    }

    public Page<AuditEvent> list(AuditStore.Filter filter, PageRequest page) {
        return store.list(dsl, filter, page);
    }
}
