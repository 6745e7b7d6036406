package com.coachway.finance.ledger;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.coachway.db.finance.Tables.ACCOUNT;
import static com.coachway.db.finance.Tables.JOURNAL_ENTRY;
import static com.coachway.db.finance.Tables.JOURNAL_LINE;

/** The jOOQ queries of the journal. It only ever inserts: the database refuses UPDATE and DELETE. */
public final class LedgerStore {
    private static final Keyset BY_DATE = Keyset.of("entries", JOURNAL_ENTRY.ENTRY_DATE.asc(), JOURNAL_ENTRY.ID.asc());
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public Optional<Entry> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ID.eq(id)).fetchOptional().map(r -> withLines(ctx, List.of(r)).getFirst());
    }

    public Optional<Entry> findBySource(DSLContext ctx, String sourceType, String sourceId) {
        return ctx.selectFrom(JOURNAL_ENTRY).where(JOURNAL_ENTRY.SOURCE_TYPE.eq(sourceType), JOURNAL_ENTRY.SOURCE_ID.eq(sourceId))
                .fetchOptional().map(r -> withLines(ctx, List.of(r)).getFirst());
    }

    /** The fingerprint a manual entry was posted with (its request's), if any. */
    public Optional<String> fingerprintOf(DSLContext ctx, UUID id) {
        return ctx.select(JOURNAL_ENTRY.REQUEST_FINGERPRINT).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ID.eq(id)).fetchOptional(r -> r.value1());
    }

    /** The entry's row, or false when another entry of the same source exists (this insert waited for it to commit). */
    public boolean insert(DSLContext tx, UUID id, EntryDraft d, OffsetDateTime now) {
        return tx.insertInto(JOURNAL_ENTRY)
                .set(JOURNAL_ENTRY.ID, id)
                .set(JOURNAL_ENTRY.ENTRY_DATE, d.date())
                .set(JOURNAL_ENTRY.SOURCE_TYPE, d.sourceType())
                .set(JOURNAL_ENTRY.SOURCE_ID, d.sourceId())
                .set(JOURNAL_ENTRY.MEMO, d.memo())
                .set(JOURNAL_ENTRY.REVERSES, d.reversesEntry())
                .set(JOURNAL_ENTRY.REQUEST_FINGERPRINT, d.fingerprintValue())
                .set(JOURNAL_ENTRY.CREATED_AT, now)
                .set(JOURNAL_ENTRY.CREATED_BY, d.createdBy())
                .onConflict(JOURNAL_ENTRY.SOURCE_TYPE, JOURNAL_ENTRY.SOURCE_ID).doNothing()
                .execute() == 1;
    }

    public void insertLines(DSLContext tx, UUID entryId, List<EntryDraft.Line> lines) {
        var insert = tx.insertInto(JOURNAL_LINE, JOURNAL_LINE.ID, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO, JOURNAL_LINE.ENTRY_DATE,
                JOURNAL_LINE.ACCOUNT_CODE, JOURNAL_LINE.DEBIT, JOURNAL_LINE.CREDIT, JOURNAL_LINE.CLIENT_ID, JOURNAL_LINE.VENDOR_ID,
                JOURNAL_LINE.CHARTER_ID, JOURNAL_LINE.INVOICE_ID, JOURNAL_LINE.BILL_ID);
        int n = 0;
        for (EntryDraft.Line l : lines) {
            Dims d = l.dims();
            // entry_date is overwritten from the entry by the copy_entry_date trigger
            insert = insert.values(Ids.newId(), entryId, ++n, LocalDate.EPOCH, l.account().code(), l.debit(), l.credit(),
                    d.clientId(), d.vendorId(), d.charterId(), d.invoiceId(), d.billId());
        }
        insert.execute();
    }

    public record Filter(String accountCode, LocalDate from, LocalDate to, String sourceType) {
    }

    public Page<Entry> list(DSLContext ctx, Filter f, PageRequest page) {
        Condition where = DSL.noCondition();
        if (f.accountCode() != null) {
            where = where.and(DSL.exists(DSL.selectOne().from(JOURNAL_LINE)
                    .where(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID), JOURNAL_LINE.ACCOUNT_CODE.eq(f.accountCode()))));
        }
        if (f.from() != null) where = where.and(JOURNAL_ENTRY.ENTRY_DATE.ge(f.from()));
        if (f.to() != null) where = where.and(JOURNAL_ENTRY.ENTRY_DATE.le(f.to()));
        if (f.sourceType() != null) where = where.and(JOURNAL_ENTRY.SOURCE_TYPE.eq(f.sourceType()));
        int total = ctx.fetchCount(JOURNAL_ENTRY, where);
        Page<Record> rows = BY_DATE.page(ctx.selectFrom(JOURNAL_ENTRY).where(where), page, total, r -> (Record) r);
        List<Entry> entries = withLines(ctx, rows.items());
        return new Page<>(entries, rows.total(), rows.limit(), rows.offset(), rows.next());
    }

    /** The entries of these rows with their lines, read in one query, and which entry reversed each. */
    private List<Entry> withLines(DSLContext ctx, List<? extends Record> rows) {
        if (rows.isEmpty()) return List.of();
        List<UUID> ids = rows.stream().map(r -> r.get(JOURNAL_ENTRY.ID)).toList();
        Map<UUID, List<Entry.Line>> lines = ctx.select(JOURNAL_LINE.ENTRY_ID, ACCOUNT.NAME, JOURNAL_LINE.ACCOUNT_CODE, JOURNAL_LINE.DEBIT,
                        JOURNAL_LINE.CREDIT, JOURNAL_LINE.CLIENT_ID, JOURNAL_LINE.VENDOR_ID, JOURNAL_LINE.CHARTER_ID,
                        JOURNAL_LINE.INVOICE_ID, JOURNAL_LINE.BILL_ID)
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.CODE.eq(JOURNAL_LINE.ACCOUNT_CODE))
                .where(JOURNAL_LINE.ENTRY_ID.in(ids))
                .orderBy(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.get(JOURNAL_LINE.ENTRY_ID), Collectors.mapping(r -> new Entry.Line(
                        r.get(ACCOUNT.NAME), r.get(JOURNAL_LINE.ACCOUNT_CODE), r.get(JOURNAL_LINE.DEBIT), r.get(JOURNAL_LINE.CREDIT),
                        r.get(JOURNAL_LINE.CLIENT_ID), r.get(JOURNAL_LINE.VENDOR_ID), r.get(JOURNAL_LINE.CHARTER_ID),
                        r.get(JOURNAL_LINE.INVOICE_ID), r.get(JOURNAL_LINE.BILL_ID)), Collectors.toList())));
        var reversal = JOURNAL_ENTRY.as("reversal");
        Map<UUID, UUID> reversedBy = ctx.select(reversal.REVERSES, reversal.ID).from(reversal).where(reversal.REVERSES.in(ids))
                .fetchMap(r -> r.value1(), r -> r.value2());
        return rows.stream().map(r -> {
            UUID id = r.get(JOURNAL_ENTRY.ID);
            List<Entry.Line> ls = lines.getOrDefault(id, List.of());
            BigDecimal total = ls.stream().map(Entry.Line::debit).reduce(ZERO, BigDecimal::add);
            return new Entry(id, r.get(JOURNAL_ENTRY.ENTRY_DATE), r.get(JOURNAL_ENTRY.SOURCE_TYPE), r.get(JOURNAL_ENTRY.SOURCE_ID),
                    r.get(JOURNAL_ENTRY.MEMO), r.get(JOURNAL_ENTRY.REVERSES), reversedBy.get(id), r.get(JOURNAL_ENTRY.CREATED_AT),
                    r.get(JOURNAL_ENTRY.CREATED_BY), total, ls);
        }).toList();
    }

    public record AccountRow(String code, String name, String normalSide) {
    }

    public List<AccountRow> accounts(DSLContext ctx) {
        return ctx.selectFrom(ACCOUNT).orderBy(ACCOUNT.CODE).fetch(r -> new AccountRow(r.getCode(), r.getName(), r.getNormalSide()));
    }

    public record Totals(String code, String name, String normalSide, BigDecimal debit, BigDecimal credit) {
    }

    /** Per account, Σ debits and Σ credits of lines dated on or before {@code asOf} (every account, zero when unused). */
    public List<Totals> totalsAsOf(DSLContext ctx, LocalDate asOf) {
        var debit = DSL.coalesce(DSL.sum(JOURNAL_LINE.DEBIT), ZERO);
        var credit = DSL.coalesce(DSL.sum(JOURNAL_LINE.CREDIT), ZERO);
        return ctx.select(ACCOUNT.CODE, ACCOUNT.NAME, ACCOUNT.NORMAL_SIDE, debit, credit)
                .from(ACCOUNT)
                .leftJoin(JOURNAL_LINE).on(JOURNAL_LINE.ACCOUNT_CODE.eq(ACCOUNT.CODE), JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .groupBy(ACCOUNT.CODE, ACCOUNT.NAME, ACCOUNT.NORMAL_SIDE)
                .orderBy(ACCOUNT.CODE)
                .fetch(r -> new Totals(r.value1(), r.value2(), r.value3(), r.value4().setScale(2), r.value5().setScale(2)));
    }
}
