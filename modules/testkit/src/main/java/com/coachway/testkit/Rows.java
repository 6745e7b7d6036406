package com.coachway.testkit;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Straight to the database, for what the API does not show (outbox rows, stored hashes), for
 * asserting that rejected requests wrote nothing, and for arranging what the API cannot
 * (time travel, a trigger that makes a step fail).
 */
public final class Rows {
    private Rows() {
    }

    public static long count(String jdbcUrl, String table) {
        return scalar(jdbcUrl, Long.class, "select count(*) from " + table);
    }

    /** The first column of the first row. */
    public static <T> T scalar(String jdbcUrl, Class<T> type, String sql, Object... params) {
        try (var c = DriverManager.getConnection(jdbcUrl); var s = prepared(c.prepareStatement(sql), params);
             var rs = s.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("no row from " + sql);
            return rs.getObject(1, type);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row, as column label → value. */
    public static List<Map<String, Object>> query(String jdbcUrl, String sql, Object... params) {
        try (var c = DriverManager.getConnection(jdbcUrl); var s = prepared(c.prepareStatement(sql), params);
             var rs = s.executeQuery()) {
            var meta = rs.getMetaData();
            var out = new ArrayList<Map<String, Object>>();
            while (rs.next()) {
                var row = new LinkedHashMap<String, Object>();
                for (int i = 1; i <= meta.getColumnCount(); i++) row.put(meta.getColumnLabel(i), rs.getObject(i));
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A statement (DDL, insert, update); returns the rows it changed. */
    public static int execute(String jdbcUrl, String sql, Object... params) {
        try (var c = DriverManager.getConnection(jdbcUrl); var s = prepared(c.prepareStatement(sql), params)) {
            s.execute();
            return Math.max(s.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepared(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
        return s;
    }
}
