package com.coachway.finance.invoices;

import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.CREDIT_MEMO;

/** The jOOQ queries of credit memos. */
public final class CreditMemoStore {
    public record CreditMemo(UUID id, UUID invoiceId, UUID clientId, UUID charterId, String kind, BigDecimal amount, LocalDate memoDate,
                             String reason, UUID entryId, String createdBy, OffsetDateTime createdAt) {
    }

    private static CreditMemo toMemo(org.jooq.Record r) {
        return new CreditMemo(r.get(CREDIT_MEMO.ID), r.get(CREDIT_MEMO.INVOICE_ID), r.get(CREDIT_MEMO.CLIENT_ID), r.get(CREDIT_MEMO.CHARTER_ID),
                r.get(CREDIT_MEMO.KIND), r.get(CREDIT_MEMO.AMOUNT), r.get(CREDIT_MEMO.MEMO_DATE), r.get(CREDIT_MEMO.REASON),
                r.get(CREDIT_MEMO.ENTRY_ID), r.get(CREDIT_MEMO.CREATED_BY), r.get(CREDIT_MEMO.CREATED_AT));
    }

    public void insert(DSLContext tx, CreditMemo m) {
        tx.insertInto(CREDIT_MEMO)
                .set(CREDIT_MEMO.ID, m.id())
                .set(CREDIT_MEMO.INVOICE_ID, m.invoiceId())
                .set(CREDIT_MEMO.CLIENT_ID, m.clientId())
                .set(CREDIT_MEMO.CHARTER_ID, m.charterId())
                .set(CREDIT_MEMO.KIND, m.kind())
                .set(CREDIT_MEMO.AMOUNT, m.amount())
                .set(CREDIT_MEMO.MEMO_DATE, m.memoDate())
                .set(CREDIT_MEMO.REASON, m.reason())
                .set(CREDIT_MEMO.ENTRY_ID, m.entryId())
                .set(CREDIT_MEMO.CREATED_BY, m.createdBy())
                .set(CREDIT_MEMO.CREATED_AT, m.createdAt())
                .execute();
    }

    public Optional<CreditMemo> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(CREDIT_MEMO).where(CREDIT_MEMO.ID.eq(id)).fetchOptional(CreditMemoStore::toMemo);
    }

    public List<CreditMemo> ofInvoice(DSLContext ctx, UUID invoiceId) {
        return ctx.selectFrom(CREDIT_MEMO).where(CREDIT_MEMO.INVOICE_ID.eq(invoiceId)).orderBy(CREDIT_MEMO.CREATED_AT, CREDIT_MEMO.ID)
                .fetch(CreditMemoStore::toMemo);
    }
}
