package com.coachway.finance.statements;

import com.coachway.common.db.SqlText;
import com.coachway.common.auth.ClientScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.INVOICE;
import static com.coachway.db.finance.Tables.PAYMENT_RECEIPT;

/** The statement's query (sql/finance/statement.sql) and who the client is. */
public final class StatementStore {
    private final String statement = SqlText.load("finance", "statement.sql");

    /** One read-only snapshot for the whole statement. */
    public void snapshot(DSLContext tx) {
        tx.execute("set transaction isolation level repeatable read, read only");
    }

    /** A client finance knows (an invoice or a payment of it), within the caller's scope: its name on its newest invoice. */
    public Optional<Optional<String>> client(DSLContext ctx, ClientScope scope, UUID clientId) {
        var known = ctx.select(DSL.inline(1)).from(INVOICE).where(INVOICE.CLIENT_ID.eq(clientId), scope.where(INVOICE.CLIENT_ID))
                .unionAll(DSL.select(DSL.inline(1)).from(PAYMENT_RECEIPT)
                        .where(PAYMENT_RECEIPT.CLIENT_ID.eq(clientId), scope.where(PAYMENT_RECEIPT.CLIENT_ID)))
                .limit(1);
        if (!ctx.fetchExists(known)) return Optional.empty();
        return Optional.of(ctx.select(INVOICE.CLIENT_NAME).from(INVOICE)
                .where(INVOICE.CLIENT_ID.eq(clientId), INVOICE.CLIENT_NAME.isNotNull())
                .orderBy(INVOICE.CREATED_AT.desc()).limit(1)
                .fetchOptional(INVOICE.CLIENT_NAME));
    }

    public Statement statement(DSLContext ctx, UUID clientId, String clientName, LocalDate from, LocalDate to) {
        Result<Record> rows = ctx.resultQuery(statement, DSL.val(clientId), DSL.val(from), DSL.val(to)).fetch();
        // the first row is the opening balance, then the lines in order with their running balance
        BigDecimal opening = money(rows.getFirst(), "balance");
        List<Statement.Line> lines = rows.stream().skip(1)
                .map(r -> new Statement.Line(r.get("date", LocalDate.class), r.get("kind", String.class), r.get("reference", String.class),
                        r.get("description", String.class), money(r, "amount"), money(r, "balance")))
                .toList();
        BigDecimal closing = lines.isEmpty() ? opening : lines.getLast().balance();
        return new Statement(clientId, clientName, from, to, opening, lines, closing);
    }

    private static BigDecimal money(Record r, String column) {
        return r.get(column, BigDecimal.class).setScale(2);
    }
}
