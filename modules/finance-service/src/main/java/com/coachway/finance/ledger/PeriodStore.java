package com.coachway.finance.ledger;

import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static com.coachway.db.finance.Tables.PERIOD;

/** The jOOQ queries of accounting periods (months). */
public final class PeriodStore {
    public record Period(LocalDate month, OffsetDateTime closedAt, String closedBy) {
        public boolean closed() {
            return closedAt != null;
        }
    }

    private void ensure(DSLContext tx, LocalDate month) {
        tx.insertInto(PERIOD).set(PERIOD.MONTH, month).onConflictDoNothing().execute();
    }

    /** The month's row held FOR SHARE until commit (a close waits for this posting, and it for a close). */
    public Period share(DSLContext tx, LocalDate month) {
        ensure(tx, month);
        return tx.selectFrom(PERIOD).where(PERIOD.MONTH.eq(month)).forShare().fetchOne(PeriodStore::toPeriod);
    }

    /** The month's row held FOR UPDATE: postings into it wait until the close commits. */
    public Period lock(DSLContext tx, LocalDate month) {
        ensure(tx, month);
        return tx.selectFrom(PERIOD).where(PERIOD.MONTH.eq(month)).forUpdate().fetchOne(PeriodStore::toPeriod);
    }

    public void close(DSLContext tx, LocalDate month, String by, OffsetDateTime now) {
        tx.update(PERIOD).set(PERIOD.CLOSED_AT, now).set(PERIOD.CLOSED_BY, by).where(PERIOD.MONTH.eq(month)).execute();
    }

    public Optional<Period> find(DSLContext ctx, LocalDate month) {
        return ctx.selectFrom(PERIOD).where(PERIOD.MONTH.eq(month)).fetchOptional(PeriodStore::toPeriod);
    }

    public List<Period> list(DSLContext ctx) {
        return ctx.selectFrom(PERIOD).orderBy(PERIOD.MONTH.desc()).fetch(PeriodStore::toPeriod);
    }

    private static Period toPeriod(org.jooq.Record r) {
        return new Period(r.get(PERIOD.MONTH), r.get(PERIOD.CLOSED_AT), r.get(PERIOD.CLOSED_BY));
    }
}
