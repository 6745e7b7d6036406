package com.coachway.finance.invoices;

import com.coachway.finance.access.Roles;
import io.javalin.config.RoutesConfig;

public final class InvoiceRoutes {
    private InvoiceRoutes() {
    }

    public static void register(RoutesConfig r, InvoiceHandler h) {
        r.get("/invoices", h::list, Roles.READ_CLIENT);
        r.post("/invoices/from-charter/{charter_id}", h::fromCharter, Roles.WRITE);
        r.get("/invoices/{id}", h::get, Roles.READ_CLIENT);
        r.post("/invoices/{id}/issue", h::issue, Roles.WRITE);
        r.post("/invoices/{id}/void", h::voidIt, Roles.WRITE);
        r.get("/invoices/{id}/applications", h::applications, Roles.READ_CLIENT);
        r.get("/invoices/{id}/credit-memos", h::creditMemos, Roles.READ_CLIENT);
        r.post("/invoices/{id}/credit-memos", h::createCreditMemo, Roles.WRITE);
        r.get("/clients/{id}/credit", h::credit, Roles.READ_CLIENT);
    }
}
