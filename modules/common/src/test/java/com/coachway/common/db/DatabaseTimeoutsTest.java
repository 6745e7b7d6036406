package com.coachway.common.db;

import com.coachway.common.config.Config;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every wait on the database is bounded, and the bounds are read from the environment. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseTimeoutsTest {
    private static final Database.JdbcUrl URL = Database.JdbcUrl.parse("postgresql://app:secret@db.example.com:5432/coachway");

    @Test
    void the_defaults_decide_an_outage_within_three_seconds_and_cut_queries_after_fifteen() {
        var t = Database.Timeouts.fromConfig(Config.of(Map.of()));
        assertEquals(new Database.Timeouts(2000, 15_000, 18_000), t);
        assertTrue(t.validationMillis() < t.connectMillis(), "Hikari needs validation below the connect timeout");
    }

    @Test
    void the_pool_carries_the_timeouts_to_hikari_and_the_driver() {
        var hikari = Database.poolConfig(URL, 5, "test-service", new Database.Timeouts(2500, 8000, 11_000));
        var props = hikari.getDataSourceProperties();

        assertEquals(2500, hikari.getConnectionTimeout());
        assertEquals(1000, hikari.getValidationTimeout());
        assertEquals("-c statement_timeout=8000", props.getProperty("options"));
        assertEquals("11", props.getProperty("socketTimeout"));
        assertEquals("3", props.getProperty("connectTimeout"));
        assertEquals("3", props.getProperty("loginTimeout"));
    }

    @Test
    void a_socket_timeout_not_longer_than_the_statement_timeout_fails_naming_the_variable() {
        var e = assertThrows(Config.ConfigException.class, () -> Database.Timeouts.fromConfig(Config.of(Map.of(
                "DB_STATEMENT_TIMEOUT_MS", "5000", "DB_SOCKET_TIMEOUT_MS", "5000"))));
        assertTrue(e.getMessage().contains("DB_SOCKET_TIMEOUT_MS"), e.getMessage());
    }

    @Test
    void a_connect_timeout_past_the_bound_fails_naming_the_variable() {
        var e = assertThrows(Config.ConfigException.class, () -> Database.Timeouts.fromConfig(Config.of(Map.of(
                "DB_CONNECT_TIMEOUT_MS", "60000"))));
        assertTrue(e.getMessage().contains("DB_CONNECT_TIMEOUT_MS"), e.getMessage());
    }
}
