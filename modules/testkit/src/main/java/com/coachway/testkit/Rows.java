package com.coachway.testkit;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct row counts, for asserting that rejected requests wrote nothing. */
public final class Rows {
    private Rows() {
    }

    public static long count(String jdbcUrl, String table) {
        try (var c = DriverManager.getConnection(jdbcUrl); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("count of " + table + " failed", e);
        }
    }
}
