package com.coachway.common.http;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which database errors are an outage (503, try again) rather than a bug or bad data. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseOutageTest {
    private static DataAccessException wrapped(SQLException e) {
        return new DataAccessException("SQL [select ...]", e);
    }

    @Test
    void no_pooled_connection_in_time_is_an_outage_however_deeply_wrapped() {
        var timeout = new SQLTransientConnectionException("pool - Connection is not available, request timed out after 2000ms");
        assertTrue(DatabaseOutage.isOutage(timeout));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException("rollback", wrapped(timeout))));
    }

    @Test
    void connection_failures_statement_timeouts_and_shutdowns_are_outages() {
        for (String state : new String[] {"08006", "08001", "08003", "57014", "57P01", "57P02", "57P03", "53300"}) {
            assertTrue(DatabaseOutage.isOutage(wrapped(new SQLException("x", state))), state);
        }
    }

    @Test
    void constraint_and_data_errors_and_our_bugs_are_not() {
        for (String state : new String[] {"23505", "23503", "22001", "42P01", "40001"}) {
            assertFalse(DatabaseOutage.isOutage(wrapped(new SQLException("x", state))), state);
        }
        assertFalse(DatabaseOutage.isOutage(wrapped(new SQLException("no state"))));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("a bug")));
    }
}
