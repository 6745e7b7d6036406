package com.coachway.auth.users;

import org.jooq.DSLContext;

import java.util.UUID;

/**
 * Ending a user's sessions when an admin or the user changes what its tokens may say. The session
 * feature keeps the sessions (and depends on users for sign-in); users only says when, through
 * this, so the two folders do not depend on each other.
 */
public interface UserSessions {
    /** Ends every session of the user except {@code keepSession} (null: all of them), in the transaction {@code tx}. */
    int endAll(DSLContext tx, UUID userId, UUID keepSession, String reason);
}
