package com.coachway.finance.invoices;

import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.CHARTER_STATE;

/** The jOOQ queries of what finance knows of a charter's end (completed or cancelled). */
public final class CharterStateStore {
    public record CharterState(UUID charterId, String status, LocalDate changedOn) {
        public boolean completed() {
            return "completed".equals(status);
        }
    }

    public Optional<CharterState> find(DSLContext ctx, UUID charterId) {
        return ctx.selectFrom(CHARTER_STATE).where(CHARTER_STATE.CHARTER_ID.eq(charterId))
                .fetchOptional(r -> new CharterState(r.getCharterId(), r.getStatus(), r.getChangedOn()));
    }

    /** Records the status; completed stays completed (a late "cancelled" does not undo recognised revenue). */
    public void record(DSLContext tx, UUID charterId, UUID clientId, String status, LocalDate on, OffsetDateTime now) {
        tx.insertInto(CHARTER_STATE)
                .set(CHARTER_STATE.CHARTER_ID, charterId)
                .set(CHARTER_STATE.CLIENT_ID, clientId)
                .set(CHARTER_STATE.STATUS, status)
                .set(CHARTER_STATE.CHANGED_ON, on)
                .set(CHARTER_STATE.UPDATED_AT, now)
                .onConflict(CHARTER_STATE.CHARTER_ID).doUpdate()
                .set(CHARTER_STATE.STATUS, status)
                .set(CHARTER_STATE.CHANGED_ON, on)
                .set(CHARTER_STATE.UPDATED_AT, now)
                .where(CHARTER_STATE.STATUS.ne("completed"))
                .execute();
    }
}
