package com.coachway.common.db;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqlTextTest {
    @Test
    void a_query_is_read_whole_from_its_schema_s_folder() {
        assertEquals("-- a query kept as a file\nselect 1 as one\n", SqlText.load("sqltext_test", "one.sql"));
    }

    @Test
    void a_missing_query_fails_at_wiring_naming_its_path() {
        var e = assertThrows(IllegalStateException.class, () -> SqlText.load("sqltext_test", "none.sql"));
        assertEquals("missing query /sql/sqltext_test/none.sql", e.getMessage());
    }
}
