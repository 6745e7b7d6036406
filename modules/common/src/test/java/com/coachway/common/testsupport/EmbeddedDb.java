package com.coachway.common.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use, and a fresh database per caller.
 * Common's tables (outbox, request_key) are created the way a service will create them: the
 * *.sql.txt template copied into a Flyway migration and applied with the schema as default schema.
 */
public final class EmbeddedDb {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedDb() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            var s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return server;
    }

    /** A pool on a new, empty database. */
    public static HikariDataSource newDatabase(int poolSize) {
        String name = "test_" + COUNTER.incrementAndGet();
        try (var c = server().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + name, e);
        }
        var config = new HikariConfig();
        config.setJdbcUrl(server().getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** A new database whose {@code schema} holds the outbox table from the documented DDL. */
    public static HikariDataSource newDatabaseWithOutbox(String schema, int poolSize) {
        return newDatabaseWith(schema, poolSize, "outbox.sql.txt");
    }

    /**
     * A new database whose {@code schema} holds the tables of these DDL templates (common's
     * {@code *.sql.txt}), each copied unchanged into a Flyway migration as a service does.
     */
    public static HikariDataSource newDatabaseWith(String schema, int poolSize, String... templates) {
        HikariDataSource ds = newDatabase(poolSize);
        try {
            Path dir = Files.createTempDirectory("template-migrations");
            for (int i = 0; i < templates.length; i++) {
                try (InputStream ddl = EmbeddedDb.class.getResourceAsStream("/" + templates[i])) {
                    if (ddl == null) throw new IllegalStateException(templates[i] + " is not on the classpath");
                    Files.write(dir.resolve("V" + (i + 1) + "__" + templates[i].replace(".sql.txt", "") + ".sql"), ddl.readAllBytes());
                }
            }
            Flyway.configure()
                    .dataSource(ds)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("filesystem:" + dir)
                    .load()
                    .migrate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ds;
    }
}
