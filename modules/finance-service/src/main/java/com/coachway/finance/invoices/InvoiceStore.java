package com.coachway.finance.invoices;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.finance.tables.records.InvoiceRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.coachway.db.finance.Tables.APPLICATION;
import static com.coachway.db.finance.Tables.CREDIT_MEMO;
import static com.coachway.db.finance.Tables.INVOICE;
import static com.coachway.db.finance.Tables.INVOICE_COUNTER;
import static com.coachway.db.finance.Tables.INVOICE_LINE;

/** The jOOQ queries of invoices and their lines. Reads a portal user makes take its scope, so another client's invoice is never read. */
public final class InvoiceStore {
    private static final Keyset BY_ISSUE_DATE = Keyset.of("invoices", INVOICE.ISSUE_DATE.asc(), INVOICE.ID.asc());
    private static final Keyset BY_ID = Keyset.of("invoices-all", INVOICE.CREATED_AT.asc(), INVOICE.ID.asc());

    /** The next number of the year: the counter row is bumped and held until commit, so numbers have no gaps. */
    public int nextNumber(DSLContext tx, int year) {
        return tx.insertInto(INVOICE_COUNTER).set(INVOICE_COUNTER.YEAR, year).set(INVOICE_COUNTER.LAST_NUMBER, 1)
                .onConflict(INVOICE_COUNTER.YEAR).doUpdate().set(INVOICE_COUNTER.LAST_NUMBER, INVOICE_COUNTER.LAST_NUMBER.plus(1))
                .returning(INVOICE_COUNTER.LAST_NUMBER).fetchOne(INVOICE_COUNTER.LAST_NUMBER);
    }

    public record NewInvoice(UUID id, String number, UUID charterId, String charterReference, UUID clientId, String clientName,
                             int paymentTermsDays, BigDecimal total, List<Invoice.Line> lines, String createdBy) {
    }

    public void insert(DSLContext tx, NewInvoice n, OffsetDateTime now) {
        tx.insertInto(INVOICE)
                .set(INVOICE.ID, n.id())
                .set(INVOICE.NUMBER, n.number())
                .set(INVOICE.CHARTER_ID, n.charterId())
                .set(INVOICE.CHARTER_REFERENCE, n.charterReference())
                .set(INVOICE.CLIENT_ID, n.clientId())
                .set(INVOICE.CLIENT_NAME, n.clientName())
                .set(INVOICE.STATUS, Invoice.DRAFT)
                .set(INVOICE.PAYMENT_TERMS_DAYS, n.paymentTermsDays())
                .set(INVOICE.TOTAL, n.total())
                .set(INVOICE.CREATED_BY, n.createdBy())
                .set(INVOICE.CREATED_AT, now)
                .set(INVOICE.UPDATED_AT, now)
                .execute();
        var insert = tx.insertInto(INVOICE_LINE, INVOICE_LINE.ID, INVOICE_LINE.INVOICE_ID, INVOICE_LINE.LINE_NO, INVOICE_LINE.CODE,
                INVOICE_LINE.DESCRIPTION, INVOICE_LINE.QUANTITY, INVOICE_LINE.UNIT_PRICE, INVOICE_LINE.AMOUNT);
        int i = 0;
        for (Invoice.Line l : n.lines()) {
            insert = insert.values(Ids.newId(), n.id(), ++i, l.code(), l.description(), l.quantity(), l.unitPrice(), l.amount());
        }
        if (i > 0) insert.execute();
    }

    public Optional<Invoice> find(DSLContext ctx, ClientScope scope, UUID id) {
        return ctx.selectFrom(INVOICE).where(INVOICE.ID.eq(id), scope.where(INVOICE.CLIENT_ID)).fetchOptional()
                .map(r -> withLines(ctx, List.of(r)).getFirst());
    }

    /** The invoice held FOR UPDATE until commit. */
    public Optional<Invoice> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(INVOICE).where(INVOICE.ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> withLines(tx, List.of(r)).getFirst());
    }

    /** The charter's invoice that is not void, if any. */
    public Optional<Invoice> liveOfCharter(DSLContext ctx, UUID charterId) {
        return ctx.selectFrom(INVOICE).where(INVOICE.CHARTER_ID.eq(charterId), INVOICE.STATUS.ne(Invoice.VOID)).fetchOptional()
                .map(r -> withLines(ctx, List.of(r)).getFirst());
    }

    public record Filter(UUID clientId, UUID charterId, String status, LocalDate from, LocalDate to) {
    }

    public Page<Invoice> list(DSLContext ctx, ClientScope scope, Filter f, PageRequest page) {
        Condition where = scope.where(INVOICE.CLIENT_ID);
        if (f.clientId() != null) where = where.and(INVOICE.CLIENT_ID.eq(f.clientId()));
        if (f.charterId() != null) where = where.and(INVOICE.CHARTER_ID.eq(f.charterId()));
        if (f.status() != null) where = where.and(INVOICE.STATUS.eq(f.status()));
        if (f.from() != null) where = where.and(INVOICE.ISSUE_DATE.ge(f.from()));
        if (f.to() != null) where = where.and(INVOICE.ISSUE_DATE.le(f.to()));
        int total = ctx.fetchCount(INVOICE, where);
        // drafts have no issue date, and a keyset key must be NOT NULL: a list that can hold drafts goes by creation
        boolean datesOnly = f.from() != null || f.to() != null
                || (f.status() != null && !Invoice.DRAFT.equals(f.status()) && !Invoice.VOID.equals(f.status()));
        Keyset order = datesOnly ? BY_ISSUE_DATE : BY_ID;
        Page<InvoiceRecord> rows = order.page(ctx.selectFrom(INVOICE).where(where), page, total, r -> r);
        return new Page<>(withLines(ctx, rows.items()), rows.total(), rows.limit(), rows.offset(), rows.next());
    }

    /** The client's invoices money can go to, in application order: the charter's own first, then by due date and number. */
    public List<Invoice> openOfClient(DSLContext tx, UUID clientId, UUID charterFirst) {
        var charterFirstKey = charterFirst == null ? DSL.inline(1) : DSL.when(INVOICE.CHARTER_ID.eq(charterFirst), DSL.inline(0)).otherwise(DSL.inline(1));
        return withLines(tx, tx.selectFrom(INVOICE)
                .where(INVOICE.CLIENT_ID.eq(clientId), INVOICE.STATUS.in(Invoice.ISSUED, Invoice.PARTIALLY_PAID))
                .orderBy(charterFirstKey, INVOICE.DUE_DATE, INVOICE.NUMBER)
                .fetch());
    }

    /** The charter's invoices on the books whose revenue is not recognised yet. */
    public List<Invoice> unrecognisedOfCharter(DSLContext tx, UUID charterId) {
        return withLines(tx, tx.selectFrom(INVOICE)
                .where(INVOICE.CHARTER_ID.eq(charterId), INVOICE.STATUS.in(Invoice.ISSUED, Invoice.PARTIALLY_PAID, Invoice.PAID),
                        INVOICE.RECOGNISED_ON.isNull())
                .orderBy(INVOICE.NUMBER)
                .fetch());
    }

    public void issue(DSLContext tx, UUID id, LocalDate issueDate, LocalDate dueDate, LocalDate recognisedOn, OffsetDateTime now) {
        tx.update(INVOICE)
                .set(INVOICE.STATUS, Invoice.ISSUED)
                .set(INVOICE.ISSUE_DATE, issueDate)
                .set(INVOICE.DUE_DATE, dueDate)
                .set(INVOICE.RECOGNISED_ON, recognisedOn)
                .set(INVOICE.SETTLED_ON, DSL.when(INVOICE.TOTAL.eq(BigDecimal.ZERO), issueDate))
                .set(INVOICE.UPDATED_AT, now)
                .set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(id))
                .execute();
    }

    /**
     * New credited and paid amounts and the status that follows from them. {@code settled_on} is
     * the day from which the balance stays zero: the latest day of anything booked on the invoice
     * (its issue, applications, credit memos, this change on {@code on}) — so an aging as of any
     * later day may skip it — and null while anything is open.
     */
    public void amounts(DSLContext tx, Invoice i, BigDecimal credited, BigDecimal paid, LocalDate on, OffsetDateTime now) {
        String status = InvoiceRules.status(i.total(), credited, paid);
        boolean settled = InvoiceRules.balance(i.total(), credited, paid).signum() == 0;
        var lastApplied = DSL.select(DSL.max(APPLICATION.APPLIED_ON)).from(APPLICATION).where(APPLICATION.INVOICE_ID.eq(i.id()));
        var lastCredit = DSL.select(DSL.max(CREDIT_MEMO.MEMO_DATE)).from(CREDIT_MEMO).where(CREDIT_MEMO.INVOICE_ID.eq(i.id()));
        var settledOn = DSL.greatest(DSL.val(on), INVOICE.ISSUE_DATE, DSL.field(lastApplied), DSL.field(lastCredit));
        tx.update(INVOICE)
                .set(INVOICE.CREDITED, credited)
                .set(INVOICE.PAID, paid)
                .set(INVOICE.STATUS, status)
                .set(INVOICE.SETTLED_ON, settled ? settledOn : DSL.inline((LocalDate) null))
                .set(INVOICE.UPDATED_AT, now)
                .set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(i.id()))
                .execute();
    }

    public void recognise(DSLContext tx, UUID id, LocalDate on, OffsetDateTime now) {
        tx.update(INVOICE).set(INVOICE.RECOGNISED_ON, on).set(INVOICE.UPDATED_AT, now).set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(id)).execute();
    }

    public void voidIt(DSLContext tx, UUID id, LocalDate on, String reason, OffsetDateTime now) {
        tx.update(INVOICE)
                .set(INVOICE.STATUS, Invoice.VOID)
                .set(INVOICE.VOIDED_ON, on)
                .set(INVOICE.VOID_REASON, reason)
                .set(INVOICE.SETTLED_ON, DSL.greatest(DSL.val(on), DSL.coalesce(INVOICE.SETTLED_ON, DSL.val(on))))
                .set(INVOICE.UPDATED_AT, now)
                .set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(id))
                .execute();
    }

    private List<Invoice> withLines(DSLContext ctx, List<InvoiceRecord> rows) {
        if (rows.isEmpty()) return List.of();
        Map<UUID, List<Invoice.Line>> lines = ctx.selectFrom(INVOICE_LINE)
                .where(INVOICE_LINE.INVOICE_ID.in(rows.stream().map(InvoiceRecord::getId).toList()))
                .orderBy(INVOICE_LINE.INVOICE_ID, INVOICE_LINE.LINE_NO)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.getInvoiceId(), Collectors.mapping(r -> new Invoice.Line(r.getCode(), r.getDescription(),
                        r.getQuantity(), r.getUnitPrice(), r.getAmount()), Collectors.toList())));
        return rows.stream().map(r -> toInvoice(r, lines.getOrDefault(r.getId(), List.of()))).toList();
    }

    private static Invoice toInvoice(InvoiceRecord r, List<Invoice.Line> lines) {
        boolean isVoid = Invoice.VOID.equals(r.getStatus());
        BigDecimal balance = isVoid ? InvoiceRules.ZERO : InvoiceRules.balance(r.getTotal(), r.getCredited(), r.getPaid());
        return new Invoice(r.getId(), r.getNumber(), r.getCharterId(), r.getCharterReference(), r.getClientId(), r.getClientName(),
                r.getStatus(), r.getIssueDate(), r.getDueDate(), r.getPaymentTermsDays(), r.getCurrency(), lines, r.getTotal(),
                r.getCredited(), r.getPaid(), balance, r.getRecognisedOn() != null, r.getRecognisedOn(), r.getVoidedOn(),
                r.getSettledOn(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }
}
