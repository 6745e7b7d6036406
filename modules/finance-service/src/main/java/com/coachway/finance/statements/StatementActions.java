package com.coachway.finance.statements;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.UUID;

/** Customer statements: one read-only snapshot of a client's invoices, payments, refunds, credits and voids. */
public final class StatementActions {
    private final DSLContext dsl;
    private final StatementStore store;
    private final String companyName;

    public StatementActions(DSLContext dsl, StatementStore store, String companyName) {
        this.dsl = dsl;
        this.store = store;
        this.companyName = companyName;
    }

    /** A client finance has no invoice or payment of, or another client for a portal user: 404. */
    public Statement statement(Caller caller, UUID clientId, LocalDate from, LocalDate to) {
        var scope = ClientScope.of(caller);
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            var name = store.client(c.dsl(), scope, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            return store.statement(c.dsl(), clientId, name.orElse(null), from, to);
        });
    }

    public byte[] pdf(Statement statement) {
        return StatementPdf.render(companyName, statement);
    }
}
