package com.coachway.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * The local stack's PostgreSQL: real server binaries (from Maven), data kept in .coachway/pg so
 * it survives restarts, one database "coachway" with a schema per service. Unlike the tests'
 * server it is durable: the embedded server's speed settings (fsync and synchronous_commit off)
 * would lose or corrupt the data kept there at a crash or power cut.
 */
final class LocalPostgres implements AutoCloseable {
    static final String DATABASE = "coachway";
    /** Passed as -c options, after the embedded server's own -F (fsync off), which they override. */
    static final Map<String, String> SERVER_CONFIG = Map.of(
            // every service keeps a small pool; 200 leaves room for several replicas
            "max_connections", "200",
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");
    private final EmbeddedPostgres pg;

    private LocalPostgres(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    static LocalPostgres start(Path dataDir, int port) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port);
        SERVER_CONFIG.forEach(builder::setServerConfig);
        var pg = builder.start();
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
