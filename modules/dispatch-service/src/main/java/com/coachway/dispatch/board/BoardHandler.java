package com.coachway.dispatch.board;

import com.coachway.common.http.Query;
import io.javalin.http.Context;

import java.time.LocalDate;

/** The day board over HTTP. */
public final class BoardHandler {
    private final BoardActions actions;

    public BoardHandler(BoardActions actions) {
        this.actions = actions;
    }

    public void get(Context ctx) {
        var q = Query.of(ctx);
        LocalDate date = q.date("date");
        q.validate();
        ctx.json(actions.board(date));
    }
}
