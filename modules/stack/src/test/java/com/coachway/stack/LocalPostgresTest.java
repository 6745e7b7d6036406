package com.coachway.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** scripts/run keeps real data in .coachway/: its PostgreSQL must write it durably. */
class LocalPostgresTest {
    @Test
    void the_local_stack_database_runs_with_fsync_and_synchronous_commit_on(@TempDir Path dir) throws Exception {
        try (var pg = LocalPostgres.start(dir.resolve("pg"), 0);
             var c = DriverManager.getConnection(pg.jdbcUrl());
             var s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                var rs = s.executeQuery("show " + setting);
                rs.next();
                assertEquals("on", rs.getString(1), setting);
            }
        }
    }
}
