package com.coachway.payment.schedules;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.payment.tables.records.InstallmentsRecord;
import com.coachway.db.payment.tables.records.SchedulesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.payment.Tables.INSTALLMENTS;
import static com.coachway.db.payment.Tables.PAYMENTS;
import static com.coachway.db.payment.Tables.REFUNDS;
import static com.coachway.db.payment.Tables.SCHEDULES;

/** The jOOQ queries for schedules, their installments and what each charter has paid. */
public final class ScheduleStore {
    private static final Keyset BY_CREATED = Keyset.of("schedules", SCHEDULES.CREATED_AT.asc(), SCHEDULES.ID.asc());
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record Head(UUID id, UUID charterId, UUID clientId, BigDecimal total, String currency, String sourceKey,
                       String fingerprint) {
    }

    private static Head head(SchedulesRecord r) {
        return new Head(r.getId(), r.getCharterId(), r.getClientId(), r.getTotal(), r.getCurrency(), r.getSourceKey(),
                r.getRequestFingerprint());
    }

    public Optional<Head> byCharter(DSLContext ctx, ClientScope scope, UUID charterId) {
        return ctx.selectFrom(SCHEDULES).where(SCHEDULES.CHARTER_ID.eq(charterId), scope.where(SCHEDULES.CLIENT_ID))
                .fetchOptional(ScheduleStore::head);
    }

    /** Locks the charter's schedule: every payment of one charter queues here, so what is owed is read once at a time. */
    public Optional<Head> lockByCharter(DSLContext tx, UUID charterId) {
        return tx.selectFrom(SCHEDULES).where(SCHEDULES.CHARTER_ID.eq(charterId)).forUpdate()
                .fetchOptional(ScheduleStore::head);
    }

    public Optional<Head> bySourceKey(DSLContext tx, String key) {
        return tx.selectFrom(SCHEDULES).where(SCHEDULES.SOURCE_KEY.eq(key)).fetchOptional(ScheduleStore::head);
    }

    /** Inserts the schedule unless its charter or key already has one; true when it did. */
    public boolean insertIfNew(DSLContext tx, UUID id, UUID charterId, UUID clientId, UUID quoteId, BigDecimal total,
                               String currency, OffsetDateTime pickupAt, LocalDate bookedOn, String key, String fingerprint,
                               OffsetDateTime now) {
        var row = new SchedulesRecord();
        row.setId(id);
        row.setCharterId(charterId);
        row.setClientId(clientId);
        row.setQuoteId(quoteId);
        row.setTotal(total);
        row.setCurrency(currency);
        row.setPickupAt(pickupAt);
        row.setBookedOn(bookedOn);
        row.setSourceKey(key);
        row.setRequestFingerprint(fingerprint);
        row.setCreatedAt(now);
        return tx.insertInto(SCHEDULES).set(row).onConflictDoNothing().execute() == 1;
    }

    public void insertInstallments(DSLContext tx, UUID scheduleId, List<ScheduleRules.Planned> planned) {
        for (var p : planned) {
            var row = new InstallmentsRecord();
            row.setId(com.coachway.common.http.Ids.newId());
            row.setScheduleId(scheduleId);
            row.setSequence(p.sequence());
            row.setKind(p.kind());
            row.setAmount(p.amount());
            row.setDueDate(p.dueDate());
            tx.insertInto(INSTALLMENTS).set(row).execute();
        }
    }

    /** Succeeded payments and succeeded refunds of one charter. */
    public Ledger ledger(DSLContext ctx, UUID charterId) {
        return ledgers(ctx, List.of(charterId)).getOrDefault(charterId, Ledger.EMPTY);
    }

    public Map<UUID, Ledger> ledgers(DSLContext ctx, Collection<UUID> charterIds) {
        var paid = ctx.select(PAYMENTS.CHARTER_ID, DSL.sum(PAYMENTS.AMOUNT)).from(PAYMENTS)
                .where(PAYMENTS.CHARTER_ID.in(charterIds), PAYMENTS.STATUS.eq("succeeded"))
                .groupBy(PAYMENTS.CHARTER_ID).fetchMap(PAYMENTS.CHARTER_ID, DSL.sum(PAYMENTS.AMOUNT));
        var refunded = ctx.select(PAYMENTS.CHARTER_ID, DSL.sum(REFUNDS.AMOUNT)).from(REFUNDS).join(PAYMENTS).on(PAYMENTS.ID.eq(REFUNDS.PAYMENT_ID))
                .where(PAYMENTS.CHARTER_ID.in(charterIds), REFUNDS.STATUS.eq("succeeded"))
                .groupBy(PAYMENTS.CHARTER_ID).fetchMap(PAYMENTS.CHARTER_ID, DSL.sum(REFUNDS.AMOUNT));
        var out = new HashMap<UUID, Ledger>();
        for (UUID id : charterIds) {
            out.put(id, new Ledger(scale(paid.get(id)), scale(refunded.get(id))));
        }
        return out;
    }

    /** Whether the charter has any payment at all (a balance exists for it). */
    public boolean hasPayments(DSLContext ctx, ClientScope scope, UUID charterId) {
        return ctx.fetchExists(PAYMENTS, PAYMENTS.CHARTER_ID.eq(charterId), scope.where(PAYMENTS.CLIENT_ID));
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? ZERO : v.setScale(2);
    }

    public Optional<Schedule> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(SCHEDULES).where(SCHEDULES.ID.eq(id)).fetchOptional()
                .map(r -> withInstallments(ctx, List.of(r)).getFirst());
    }

    public Page<Schedule> list(DSLContext ctx, ClientScope scope, UUID charterId, UUID clientId, PageRequest page) {
        Condition where = scope.where(SCHEDULES.CLIENT_ID)
                .and(charterId == null ? DSL.noCondition() : SCHEDULES.CHARTER_ID.eq(charterId))
                .and(clientId == null ? DSL.noCondition() : SCHEDULES.CLIENT_ID.eq(clientId));
        int total = ctx.fetchCount(SCHEDULES, where);
        Page<SchedulesRecord> rows = BY_CREATED.page(ctx.selectFrom(SCHEDULES).where(where), page, total, r -> r);
        List<Schedule> items = rows.items().isEmpty() ? List.of() : withInstallments(ctx, rows.items());
        return new Page<>(items, rows.total(), rows.limit(), rows.offset(), rows.next());
    }

    /** The schedules with their installments allocated: three queries for a whole page, not one per schedule. */
    private List<Schedule> withInstallments(DSLContext ctx, List<SchedulesRecord> schedules) {
        var ids = schedules.stream().map(SchedulesRecord::getId).toList();
        var installments = ctx.selectFrom(INSTALLMENTS).where(INSTALLMENTS.SCHEDULE_ID.in(ids))
                .orderBy(INSTALLMENTS.SEQUENCE).fetchGroups(INSTALLMENTS.SCHEDULE_ID);
        var ledgers = ledgers(ctx, schedules.stream().map(SchedulesRecord::getCharterId).toList());
        return schedules.stream().map(s -> {
            List<InstallmentsRecord> own = installments.containsKey(s.getId()) ? installments.get(s.getId()) : List.of();
            Ledger ledger = ledgers.getOrDefault(s.getCharterId(), Ledger.EMPTY);
            var allocated = AllocationRule.allocate(own.stream().map(InstallmentsRecord::getAmount).toList(), ledger.net());
            var lines = new java.util.ArrayList<Schedule.Installment>();
            for (int i = 0; i < own.size(); i++) {
                var r = own.get(i);
                var a = allocated.get(i);
                lines.add(new Schedule.Installment(r.getId(), r.getSequence(), r.getKind(), r.getAmount(), r.getDueDate(),
                        a.paid(), a.outstanding(), a.status()));
            }
            return new Schedule(s.getId(), s.getCharterId(), s.getClientId(), s.getQuoteId(), s.getTotal(), s.getCurrency(),
                    s.getPickupAt(), s.getBookedOn(), ledger.net(), ledger.outstanding(s.getTotal()), lines, s.getCreatedAt());
        }).toList();
    }
}
