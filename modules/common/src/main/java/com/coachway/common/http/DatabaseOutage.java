package com.coachway.common.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is down, hung, shutting down or out of connections (try again later: 503)
 * from an error in our query or the caller's data. Looks through the whole cause chain, since
 * jOOQ, transactions and Hikari each wrap the driver's exception.
 */
public final class DatabaseOutage {
    /**
     * 57014 query_canceled (statement_timeout), 57P01 admin_shutdown, 57P02 crash_shutdown,
     * 57P03 cannot_connect_now (starting up, recovering), 53300 too_many_connections.
     * Class 08 (connection exceptions, including the driver's socket timeout) is matched by prefix.
     */
    private static final Set<String> STATES = Set.of("57014", "57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable error) {
        return outageCause(error) != null;
    }

    /** A short description for logs and /health, without the statement or its values. */
    public static String describe(Throwable error) {
        SQLException cause = outageCause(error);
        if (cause == null) return error.getClass().getSimpleName();
        if (cause instanceof SQLTransientConnectionException) return "no connection available: " + cause.getMessage();
        return "SQLState " + cause.getSQLState() + ": " + cause.getMessage();
    }

    private static SQLException outageCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException e) return e;
            if (t instanceof SQLException e && isOutageState(e.getSQLState())) return e;
        }
        return null;
    }

    static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }
}
