package com.coachway.payment.balances;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.Ids;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

public final class BalanceHandler {
    private final BalanceActions actions;

    public BalanceHandler(BalanceActions actions) {
        this.actions = actions;
    }

    public void get(Context ctx) {
        var scope = ClientScope.of(ServiceApp.caller(ctx));
        ctx.json(actions.get(scope, Ids.pathId(ctx, "charter_id", "Charter")));
    }
}
