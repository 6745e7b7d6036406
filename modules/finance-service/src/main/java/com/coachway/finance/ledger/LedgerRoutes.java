package com.coachway.finance.ledger;

import com.coachway.finance.access.Roles;
import io.javalin.config.RoutesConfig;

public final class LedgerRoutes {
    private LedgerRoutes() {
    }

    public static void register(RoutesConfig r, LedgerHandler h) {
        r.get("/ledger/accounts", h::accounts, Roles.READ);
        r.get("/ledger/trial-balance", h::trialBalance, Roles.READ);
        r.get("/ledger/entries", h::list, Roles.READ);
        r.post("/ledger/entries", h::post, Roles.WRITE);
        r.get("/ledger/entries/{id}", h::get, Roles.READ);
        r.post("/ledger/entries/{id}/reverse", h::reverse, Roles.WRITE);
        r.get("/periods", h::periods, Roles.READ);
        r.post("/periods/{month}/close", h::close, Roles.WRITE);
    }
}
