package com.coachway.finance.ledger;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Closing a month: under its row lock, so a posting in flight either commits before or waits and is refused. */
public final class PeriodActions {
    private static final Logger log = LoggerFactory.getLogger(PeriodActions.class);

    public record Period(String month, String status, OffsetDateTime closedAt, String closedBy) {
        static Period of(PeriodStore.Period p) {
            return new Period(YearMonth.from(p.month()).toString(), p.closed() ? "closed" : "open", p.closedAt(), p.closedBy());
        }
    }

    private final DSLContext dsl;
    private final PeriodStore periods;
    private final LedgerAudit audit;
    private final Clock clock;

    public PeriodActions(DSLContext dsl, PeriodStore periods, LedgerAudit audit, Clock clock) {
        this.dsl = dsl;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Period> list() {
        return periods.list(dsl).stream().map(Period::of).toList();
    }

    public Period close(Caller caller, YearMonth month) {
        Period closed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var row = periods.lock(tx, month.atDay(1));
            if (row.closed()) throw ApiException.conflict("period " + month + " is already closed");
            periods.close(tx, month.atDay(1), caller.subject(), OffsetDateTime.now(clock));
            audit.closed(tx, caller, month);
            return Period.of(periods.find(tx, month.atDay(1)).orElseThrow());
        });
        log.info("period {} closed by {}", month, caller.subject());
        return closed;
    }
}
