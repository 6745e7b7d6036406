package com.coachway.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The local stack's PostgreSQL: real server binaries (from Maven), data kept in .coachway/pg so
 * it survives restarts, one database "coachway" with a schema per service.
 */
final class LocalPostgres implements AutoCloseable {
    static final String DATABASE = "coachway";
    private final EmbeddedPostgres pg;

    private LocalPostgres(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    static LocalPostgres start(Path dataDir, int port) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        var pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // every service keeps a small pool; 100 is PostgreSQL's default and plenty
                .setServerConfig("max_connections", "200")
                .start();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) s.execute("create database " + DATABASE);
        }
        return new LocalPostgres(pg);
    }

    String jdbcUrl() {
        return pg.getJdbcUrl("postgres", DATABASE) + "&password=postgres";
    }

    int port() {
        return pg.getPort();
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
