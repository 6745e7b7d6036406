package com.coachway.common.db;

import com.coachway.common.config.Config;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcUrlTest {

    @Test
    void a_postgresql_url_becomes_a_jdbc_url_with_the_credentials_split_out_and_decoded() {
        var url = Database.JdbcUrl.parse("postgresql://coach%20way:p%40ss%3Aw%2Fd@db.example.com:5433/coachway?sslmode=require");

        assertEquals("jdbc:postgresql://db.example.com:5433/coachway?sslmode=require", url.url());
        assertEquals("coach way", url.user());
        assertEquals("p@ss:w/d", url.password());
    }

    @Test
    void a_plus_in_the_password_stays_a_plus() {
        assertEquals("a+b", Database.JdbcUrl.parse("postgres://u:a+b@localhost/coachway").password());
    }

    @Test
    void the_postgres_scheme_without_port_or_password_is_accepted() {
        var url = Database.JdbcUrl.parse("postgres://app@localhost/coachway");

        assertEquals("jdbc:postgresql://localhost/coachway", url.url());
        assertEquals("app", url.user());
        assertNull(url.password());
    }

    @Test
    void a_jdbc_url_is_passed_through_untouched() {
        String raw = "jdbc:postgresql://localhost:5432/coachway?user=postgres&password=secret";
        var url = Database.JdbcUrl.parse(raw);

        assertEquals(raw, url.url());
        assertNull(url.user());
        assertNull(url.password());
    }

    @Test
    void another_scheme_fails_naming_database_url() {
        var e = assertThrows(Config.ConfigException.class, () -> Database.JdbcUrl.parse("mysql://u:p@localhost/coachway"));
        assertEquals("Configuration variable DATABASE_URL must start with postgresql:// or jdbc:postgresql://", e.getMessage());
    }

    @Test
    void an_unencoded_special_character_fails_naming_database_url_without_echoing_the_password() {
        var e = assertThrows(Config.ConfigException.class, () -> Database.JdbcUrl.parse("postgresql://u:p^ss word@localhost/coachway"));
        assertEquals("Configuration variable DATABASE_URL is not a valid URL; percent-encode special characters in the user name and password",
                e.getMessage());
        assertFalse(e.getMessage().contains("ss word"));
    }

    @Test
    void a_url_without_a_usable_host_fails_naming_database_url() {
        assertThrows(Config.ConfigException.class, () -> Database.JdbcUrl.parse("postgresql:///coachway"));
        assertThrows(Config.ConfigException.class, () -> Database.JdbcUrl.parse("postgresql://u:p@db_host:5432/coachway"));
    }
}
